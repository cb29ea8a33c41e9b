// Plan file envelope and the exception boundary: every cereal/rapidjson exception stops here.
// Loading: size check → one rapidjson parse (recursive, its depth bounded; no NaN/Infinity) →
// envelope → migrate.cpp → validate.cpp (types, ranges, references; repairs) → the serialize.h
// cereal functions read the checked DOM through DomInputArchive, the budget lines by schema.h's
// tables (dom_records.cpp). The text is parsed once; the DOM refers to its unescaped strings.
#include "format/file_format.h"

#include <rapidjson/error/en.h>
#include <algorithm>
#include <cereal/archives/json.hpp>
#include <cstdint>
#include <cstring>

#include "format/dom_archive.h"
#include "format/migrate.h"
#include "format/plan_writer.h"
#include "format/serialize.h"
#include "format/validate.h"
#include "model/investment_years.h"

namespace sto {

namespace {

// The parser's handler: the document, with its nesting counted as it is built. A file nested
// deeper than kMaxNestingDepth stops the parser at that depth (the recursive parser below would
// otherwise follow thousands of nested brackets down the stack). Counting here, not in a pass of
// its own over the text before the parse, took a sixth off loading a 5 MB plan in wasm.
class DepthLimitedDocument {
 public:
  explicit DepthLimitedDocument(rapidjson::Document& document) : document_(document) {}
  bool too_deep() const { return too_deep_; }

  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned u) { return document_.Uint(u); }
  bool Int64(std::int64_t i) { return document_.Int64(i); }
  bool Uint64(std::uint64_t u) { return document_.Uint64(u); }
  bool Double(double d) { return document_.Double(d); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool copy) {
    return document_.RawNumber(text, length, copy);
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return document_.String(text, length, copy);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    return document_.Key(text, length, copy);
  }
  bool StartObject() { return deeper() && document_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return document_.EndObject(members);
  }
  bool StartArray() { return deeper() && document_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return document_.EndArray(elements);
  }

 private:
  bool deeper() {
    too_deep_ = ++depth_ > kMaxNestingDepth;
    return !too_deep_;
  }
  rapidjson::Document& document_;
  int depth_ = 0;
  bool too_deep_ = false;
};

// The recursive parser (the iterative one costs a tenth more): its depth is bounded, as
// DepthLimitedDocument stops it deeper than kMaxNestingDepth. No kParseNanAndInfFlag:
// NaN/Infinity are errors. No kParseFullPrecisionFlag: the format has no fractional numbers, and
// rapidjson 1.1's full-precision path has undefined behaviour on "0e308" (clz of zero in
// DiyFp::Normalize, found by the fuzzer; tests/data/hostile/fuzz_zero_e308.json).
constexpr unsigned kParseFlags = rapidjson::kParseNoFlags;

// The plan's text as the parser reads it: rapidjson's MemoryStream, given a type of its own so
// that the string scan below applies to plan files only.
struct PlanText : rapidjson::MemoryStream {
  using MemoryStream::MemoryStream;
};

// The high bit of each of the eight bytes of `word` that is below `limit` (at most 0x80) or equal
// to `byte`. Bits above the lowest one may be false: only the lowest is used.
constexpr std::uint64_t kEveryByte = 0x0101010101010101u;
constexpr std::uint64_t kHighBits = 0x8080808080808080u;
constexpr std::uint64_t bytes_below(std::uint64_t word, unsigned limit) {
  return (word - kEveryByte * limit) & ~word & kHighBits;
}
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte) {
  return bytes_below(word ^ (kEveryByte * byte), 1);
}
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the lowest bit is the first byte");

// Where a string's unescaped run ends: at the first quote, backslash or control character, or
// at `end`.
const char* end_of_plain_run(const char* p, const char* end) {
  for (std::uint64_t word; end - p >= 8; p += 8) {
    std::memcpy(&word, p, 8);
    const std::uint64_t stops =
        bytes_equal(word, '"') | bytes_equal(word, '\\') | bytes_below(word, 0x20);
    if (stops != 0) return p + __builtin_ctzll(stops) / 8;
  }
  while (p != end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

}  // namespace
}  // namespace sto

// The whitespace between values, skipped by pointer rather than through the stream's checks:
// a plan file indents each line with tabs.
template <>
void rapidjson::SkipWhitespace(sto::PlanText& is) {
  is.src_ = SkipWhitespace(is.src_, is.end_);
}

// rapidjson's string parse, for plan files: a string with no escape (nearly every string of a
// plan) is found by scanning eight bytes at a time and left in the text, which the document
// refers to (the text outlives it: load_plan). Such a string is not NUL-terminated: read it with
// its length. rapidjson's own parse copies it byte by byte onto its stack, then into the document.
// Its fast scan exists only for SSE2, which wasm does not have. With the whitespace skip above, the
// parse of a 10,000-line plan went from 125M to 67M instructions. Any other string (an escape, a
// control character, no closing quote) is parsed by rapidjson's own code from the opening quote,
// errors included.
template <>
template <>
void rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator>::
    ParseString<sto::kParseFlags>(sto::PlanText& is, sto::DepthLimitedDocument& handler,
                                  bool isKey) {
  const char* const start = is.src_ + 1;  // after the opening quote
  const char* const end = is.end_;
  const char* const p = sto::end_of_plain_run(start, end);
  if (p == end || *p != '"') {
    ParseString<sto::kParseFlags>(static_cast<MemoryStream&>(is), handler, isKey);
    return;
  }
  const auto length = static_cast<SizeType>(p - start);
  is.src_ = p + 1;
  if (!(isKey ? handler.Key(start, length, false) : handler.String(start, length, false)))
    RAPIDJSON_PARSE_ERROR(kParseErrorTermination, is.Tell());
}

namespace sto {
namespace {

LoadResult failure(LoadStatus status, std::string nl, std::string en) {
  LoadResult result;
  result.status = status;
  result.error = {std::move(nl), std::move(en)};
  return result;
}

LoadResult too_new() {
  return failure(LoadStatus::too_new,
                 "Dit bestand is gemaakt met een nieuwere versie van STO Planner. Werk de app bij "
                 "om het te openen.",
                 "This file was made with a newer version of STO Planner. Update the app to open "
                 "it.");
}

// "regel 3, kolom 14" / "line 3, column 14" for a byte offset.
std::pair<std::string, std::string> position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {"regel " + std::to_string(line) + ", kolom " + std::to_string(column),
          "line " + std::to_string(line) + ", column " + std::to_string(column)};
}

// A rapidjson parse error as a message for people, in both languages.
LoadResult parse_failure(std::string_view text, rapidjson::ParseErrorCode code,
                         std::size_t offset) {
  using namespace rapidjson;
  const auto [where_nl, where_en] = position(text, offset);
  const std::string_view rest = text.substr(std::min(offset, text.size()));
  const auto starts = [&rest](std::string_view word) {
    return rest.substr(0, word.size()) == word;
  };
  std::string nl, en;
  if (starts("NaN") || starts("Infinity") || starts("-Infinity") || starts("-NaN")) {
    nl = "NaN en Infinity zijn geen getallen die in een planbestand mogen staan";
    en = "NaN and Infinity are not numbers a plan file may contain";
  } else {
    switch (code) {
      case kParseErrorDocumentEmpty:
        nl = "het bestand is leeg";
        en = "the file is empty";
        break;
      case kParseErrorDocumentRootNotSingular:
        nl = "er staat nog tekst na het einde van de JSON";
        en = "there is more text after the end of the JSON";
        break;
      case kParseErrorObjectMissName:
      case kParseErrorObjectMissColon:
      case kParseErrorObjectMissCommaOrCurlyBracket:
      case kParseErrorArrayMissCommaOrSquareBracket:
      case kParseErrorStringMissQuotationMark:
        nl = rest.empty() ? "het bestand houdt midden in de JSON op (afgebroken?)"
                          : "de JSON klopt hier niet (ontbrekende komma, dubbele punt, haakje of "
                            "aanhalingsteken)";
        en = rest.empty() ? "the file ends in the middle of the JSON (truncated?)"
                          : "the JSON is malformed here (a missing comma, colon, bracket or quote)";
        break;
      case kParseErrorNumberTooBig:
        nl = "een getal is te groot";
        en = "a number is too large";
        break;
      case kParseErrorStringInvalidEncoding:
      case kParseErrorStringUnicodeSurrogateInvalid:
      case kParseErrorStringUnicodeEscapeInvalidHex:
        nl = "ongeldige tekst (geen geldige UTF-8 of een fout \\u-teken)";
        en = "invalid text (not valid UTF-8 or a bad \\u escape)";
        break;
      default:
        nl = rest.empty() ? "het bestand houdt midden in de JSON op (afgebroken?)"
                          : "dit is geen geldige JSON";
        en = rest.empty() ? "the file ends in the middle of the JSON (truncated?)"
                          : "this is not valid JSON";
        en += std::string(" (") + GetParseError_En(code) + ")";
        break;
    }
  }
  return failure(LoadStatus::corrupt,
                 "Het bestand is beschadigd of geen planbestand: " + nl + " (" + where_nl + ").",
                 "The file is damaged or not a plan file: " + en + " (" + where_en + ").");
}

LoadResult not_a_plan() {
  return failure(
      LoadStatus::not_a_plan,
      "Dit is geen STO Planner-planbestand (het veld \"format\" ontbreekt of is anders).",
      "This is not an STO Planner plan file (the \"format\" field is missing or "
      "different).");
}

// The summary of a repaired load: how many problems and the first few.
Localized repaired_summary(const std::vector<SkippedRecord>& skipped, std::size_t count) {
  const std::string n = std::to_string(count);
  Localized summary{
      "Het plan is maar voor een deel geladen: " +
          (count == 1 ? "1 onderdeel is" : n + " onderdelen zijn") +
          " weggelaten of aangepast wegens ongeldige gegevens.",
      "The plan was loaded only in part: " + (count == 1 ? "1 item was" : n + " items were") +
          " left out or changed because of invalid data."};
  for (std::size_t i = 0; i < skipped.size() && i < 3; ++i) {
    summary.nl += "\n  " + skipped[i].reason.nl;
    summary.en += "\n  " + skipped[i].reason.en;
  }
  if (skipped.size() > 3) {
    summary.nl += "\n  …";
    summary.en += "\n  …";
  }
  return summary;
}

}  // namespace

LoadResult too_large_failure() {
  return failure(LoadStatus::too_large,
                 "Het bestand is te groot (meer dan " + std::to_string(kMaxFileBytes >> 20) +
                     " MB); een planbestand is veel kleiner.",
                 "The file is too large (over " + std::to_string(kMaxFileBytes >> 20) +
                     " MB); a plan file is much smaller.");
}

LoadResult load_plan(std::string_view text) {
  if (text.size() > kMaxFileBytes) return too_large_failure();
  // A UTF-8 byte order mark (some Windows editors write one) is accepted and ignored.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return failure(LoadStatus::corrupt, "Het bestand is leeg.", "The file is empty.");
  LoadResult result;
  try {
    rapidjson::Document file;
    DepthLimitedDocument counted(file);
    rapidjson::ParseResult parsed;
    const auto parse = [&](rapidjson::Document&) {
      PlanText stream(text.data(), text.size());
      parsed = rapidjson::Reader().Parse<kParseFlags>(stream, counted);
      return !parsed.IsError();
    };
    file.Populate(parse);
    if (counted.too_deep())
      return failure(LoadStatus::too_deep,
                     "Het bestand is te diep genest (meer dan " + std::to_string(kMaxNestingDepth) +
                         " niveaus) om een planbestand te zijn.",
                     "The file is nested too deeply (over " + std::to_string(kMaxNestingDepth) +
                         " levels) to be a plan file.");
    if (parsed.IsError()) return parse_failure(text, parsed.Code(), parsed.Offset());

    // [envelope] format, version, app_version, plan.
    if (!file.IsObject()) return not_a_plan();
    const auto format = file.FindMember("format");
    if (format == file.MemberEnd() || !format->value.IsString() ||
        std::string_view(format->value.GetString(), format->value.GetStringLength()) !=
            kFileFormatMarker)
      return not_a_plan();
    const auto version = file.FindMember("version");
    if (version == file.MemberEnd() || !version->value.IsInt())
      return failure(LoadStatus::corrupt,
                     "Het bestand is beschadigd: \"version\" ontbreekt of is geen geheel getal.",
                     "The file is damaged: \"version\" is missing or not a whole number.");
    result.file_version = version->value.GetInt();
    const auto app_version = file.FindMember("app_version");
    if (app_version != file.MemberEnd() && app_version->value.IsString())
      result.app_version =
          printable_text(app_version->value.GetString(), app_version->value.GetStringLength());
    if (result.file_version > kFileFormatVersion) {
      LoadResult newer = too_new();
      newer.file_version = result.file_version;
      newer.app_version = result.app_version;
      return newer;
    }
    if (result.file_version < kMinFileFormatVersion)
      return failure(
          LoadStatus::too_old,
          "Dit bestand is gemaakt met een te oude versie van STO Planner (bestandsversie " +
              std::to_string(result.file_version) + ").",
          "This file was made with a version of STO Planner that is too old (file "
          "version " +
              std::to_string(result.file_version) + ").");
    Localized migration_error;
    if (!migrate_to_current(file, result.file_version, migration_error))
      return failure(LoadStatus::corrupt, migration_error.nl, migration_error.en);

    const auto plan = file.FindMember("plan");
    if (plan == file.MemberEnd() || !plan->value.IsObject())
      return failure(LoadStatus::corrupt,
                     "Het bestand is beschadigd: het plan zelf (\"plan\") ontbreekt.",
                     "The file is damaged: the plan itself (\"plan\") is missing.");
    // Several "plan" members: cereal and this check could read different ones.
    // Compared up to a NUL, as cereal does: "plan\u0000x" would count as "plan" for cereal.
    if (std::count_if(file.MemberBegin(), file.MemberEnd(), [](const auto& member) {
          const std::string_view name(member.name.GetString(), member.name.GetStringLength());
          return name.substr(0, name.find('\0')) == "plan";
        }) != 1)
      return failure(LoadStatus::corrupt,
                     "Het bestand is beschadigd: \"plan\" staat er twee keer in.",
                     "The file is damaged: \"plan\" appears twice.");

    ValidationReport report = validate_plan(plan->value, file.GetAllocator());
    if (report.fatal) {
      if (report.too_new) return failure(LoadStatus::too_new, report.error.nl, report.error.en);
      return failure(LoadStatus::corrupt, "Het bestand is beschadigd: " + report.error.nl,
                     "The file is damaged: " + report.error.en);
    }

    // cereal reads what was checked, from the same DOM (dom_archive.h): no second parse.
    DomInputArchive archive(file);
    archive(cereal::make_nvp("plan", result.plan));

    // Format 7 changed what an investment line means (migrate.cpp, v7): join the older files'
    // one-line-per-year investments so that none is counted twice.
    if (result.file_version < 7) result.notes = join_yearly_investments(result.plan);
    result.skipped = std::move(report.skipped);
    if (report.problem_count > 0) {
      result.status = LoadStatus::repaired;
      result.error = repaired_summary(result.skipped, report.problem_count);
    } else {
      result.status = LoadStatus::ok;
    }
    return result;
  } catch (const std::bad_alloc&) {
    return failure(LoadStatus::too_large, "Er is niet genoeg geheugen om dit bestand te laden.",
                   "There is not enough memory to load this file.");
  } catch (const std::exception& error) {
    // Only reachable if validate.cpp let through something cereal rejects: a bug, but never a
    // crash.
    return failure(LoadStatus::corrupt,
                   std::string("Het bestand is beschadigd of onvolledig: ") + error.what(),
                   std::string("The file is damaged or incomplete: ") + error.what());
  }
}

std::string save_plan(const Plan& plan) {
  PlanWriter writer(plan);
  writer.write_some(static_cast<std::size_t>(-1));
  return std::string(writer.text());
}

}  // namespace sto
