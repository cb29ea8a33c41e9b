// Loads the scheme table from JSON; every missing or mistyped field is reported by name.
#include "rules/scheme.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <algorithm>

#include "model/assets.h"
#include "model/enum_names.h"

namespace sto {

namespace {

using JsonValue = rapidjson::Value;

// Collects the first problem; later reads become no-ops so parsing code stays linear.
struct Reader {
  std::string error;  // English; wrapped into both languages at the end
  std::string context;

  void fail(const std::string& what) {
    if (error.empty()) error = context + what;
  }

  const JsonValue* member(const JsonValue& object, const char* name) {
    if (!object.IsObject()) {
      fail("expected an object");
      return nullptr;
    }
    auto it = object.FindMember(name);
    if (it == object.MemberEnd()) {
      fail(std::string("missing field '") + name + "'");
      return nullptr;
    }
    return &it->value;
  }
  std::string string(const JsonValue& object, const char* name) {
    const JsonValue* v = member(object, name);
    if (!v) return {};
    if (!v->IsString()) {
      fail(std::string("field '") + name + "' must be a string");
      return {};
    }
    return std::string(v->GetString(), v->GetStringLength());
  }
  std::int64_t integer(const JsonValue& object, const char* name) {
    const JsonValue* v = member(object, name);
    if (!v) return 0;
    if (!v->IsInt64()) {
      fail(std::string("field '") + name + "' must be an integer");
      return 0;
    }
    return v->GetInt64();
  }
  bool boolean(const JsonValue& object, const char* name) {
    const JsonValue* v = member(object, name);
    if (!v) return false;
    if (!v->IsBool()) {
      fail(std::string("field '") + name + "' must be true or false");
      return false;
    }
    return v->GetBool();
  }
  const JsonValue* array(const JsonValue& object, const char* name) {
    const JsonValue* v = member(object, name);
    if (v && !v->IsArray()) {
      fail(std::string("field '") + name + "' must be an array");
      return nullptr;
    }
    return v;
  }
  Date date(const JsonValue& object, const char* name) {
    Date d;
    const std::string text = string(object, name);
    if (error.empty() && !parse_iso_date(text, d))
      fail(std::string("field '") + name + "' is not a date YYYY-MM-DD");
    return d;
  }
};

bool parse_region_type(std::string_view text, RegionType& out) {
  return enum_names::from_name(text, enum_names::region_type, out);
}

Scheme parse_scheme(Reader& r, const JsonValue& v) {
  Scheme s;
  s.id = r.string(v, "id");
  r.context = "scheme '" + s.id + "': ";
  s.name.nl = r.string(v, "name_nl");
  s.name.en = r.string(v, "name_en");
  s.period_start = r.date(v, "period_start");
  s.period_end = r.date(v, "period_end");
  s.spend_deadline = r.date(v, "spend_deadline");
  if (r.string(v, "regulation_expires").empty())
    s.regulation_expires = Date{};
  else
    s.regulation_expires = r.date(v, "regulation_expires");
  s.count_date = r.date(v, "count_date");
  const std::string allocation = r.string(v, "allocation");
  if (allocation == "per_student")
    s.allocation = AllocationMode::per_student;
  else if (allocation == "previous_grant_share")
    s.allocation = AllocationMode::previous_grant_share;
  else if (allocation == "fixed_table")
    s.allocation = AllocationMode::fixed_table;
  else
    r.fail("unknown allocation '" + allocation + "'");
  if (const JsonValue* rates = r.member(v, "rates_cents")) {
    const char* names[4] = {"bb", "kb", "gl", "tl"};
    for (std::size_t i = 0; i < 4; ++i) s.rate_per_student[i] = Money{r.integer(*rates, names[i])};
  }
  if (const JsonValue* profiles = r.array(v, "counted_profiles")) {
    for (const auto& p : profiles->GetArray()) {
      if (!p.IsString())
        r.fail("counted_profiles must hold strings");
      else
        s.counted_profiles.emplace_back(p.GetString(), p.GetStringLength());
    }
  }
  s.previous_grant_share_bp = r.integer(v, "previous_grant_share_bp");
  s.luwe_cap = Money{r.integer(v, "luwe_cap_cents")};
  if (const JsonValue* types = r.array(v, "ranked_region_types")) {
    for (const auto& t : types->GetArray()) {
      RegionType type = RegionType::techniekregio;
      if (!t.IsString() || !parse_region_type(t.GetString(), type))
        r.fail("unknown region type in ranked_region_types");
      else
        s.ranked_region_types.push_back(type);
    }
  }
  const auto parse_base = [&r](const std::string& base, CofinancingBase& out) {
    if (base == "total_costs")
      out = CofinancingBase::total_costs;
    else if (base == "subsidy")
      out = CofinancingBase::subsidy;
    else
      r.fail("unknown cofinancing base '" + base + "'");
  };
  if (const JsonValue* cofin = r.member(v, "cofinancing")) {
    parse_base(r.string(*cofin, "base"), s.cofinancing_base);
    if (const JsonValue* bases = r.array(*cofin, "other_bases")) {
      for (const auto& b : bases->GetArray()) {
        CofinancingBase base = CofinancingBase::total_costs;
        parse_base(b.IsString() ? std::string(b.GetString(), b.GetStringLength()) : "", base);
        s.other_cofinancing_bases.push_back(base);
      }
    }
    s.default_cofinancing_option = r.string(*cofin, "default_option");
    if (const JsonValue* options = r.array(*cofin, "options")) {
      for (const auto& o : options->GetArray()) {
        CofinancingOption option;
        option.id = r.string(o, "id");
        option.minimum_bp = r.integer(o, "minimum_bp");
        option.name.nl = r.string(o, "name_nl");
        option.name.en = r.string(o, "name_en");
        if (option.minimum_bp < 0 || option.minimum_bp > 10000) r.fail("minimum_bp out of range");
        s.cofinancing_options.push_back(std::move(option));
      }
    }
    if (r.error.empty() && !s.cofinancing_option(s.default_cofinancing_option))
      r.fail("no cofinancing options");
  }
  if (const JsonValue* partners = r.member(v, "partners")) {
    s.min_vmbo_schools = static_cast<int>(r.integer(*partners, "min_vmbo"));
    s.vso_counts_as_vmbo = r.boolean(*partners, "vso_counts_as_vmbo");
    s.requires_mbo = r.boolean(*partners, "mbo");
    s.requires_business = r.boolean(*partners, "business");
    const std::string primary = r.string(*partners, "primary");
    if (primary == "none")
      s.primary = PartnerRequirement::none;
    else if (primary == "recommended")
      s.primary = PartnerRequirement::recommended;
    else if (primary == "mandatory")
      s.primary = PartnerRequirement::mandatory;
    else
      r.fail("unknown partner requirement '" + primary + "' (none, recommended, mandatory)");
  }
  s.concrete_years = static_cast<int>(r.integer(v, "concrete_years"));
  if (const JsonValue* rounds = r.array(v, "submission_rounds")) {
    for (const auto& o : rounds->GetArray()) {
      SubmissionRound round;
      round.id = r.string(o, "id");
      round.due = r.date(o, "due");
      round.detailed_through = static_cast<int>(r.integer(o, "detailed_through"));
      round.name.nl = r.string(o, "name_nl");
      round.name.en = r.string(o, "name_en");
      if (round.id.empty()) r.fail("a submission round without an id");
      if (!s.submission_rounds.empty() && !(s.submission_rounds.back().due < round.due))
        r.fail("submission rounds out of order");
      s.submission_rounds.push_back(std::move(round));
    }
  }
  s.default_submission_round = r.string(v, "default_submission_round");
  if (!s.default_submission_round.empty() &&
      s.submission_round(s.default_submission_round) == nullptr)
    r.fail("default_submission_round names no round");
  s.requires_planning_reservation = r.boolean(v, "requires_planning_reservation");
  s.requires_coverage_goal = r.boolean(v, "requires_coverage_goal");
  s.requires_extension_texts = r.boolean(v, "requires_extension_texts");
  if (const JsonValue* ceilings = r.array(v, "national_ceilings")) {
    for (const auto& c : ceilings->GetArray()) {
      NationalCeiling ceiling;
      ceiling.year = static_cast<int>(r.integer(c, "year"));
      if (!parse_region_type(r.string(c, "region_type"), ceiling.region_type))
        r.fail("unknown region_type");
      ceiling.amount = Money{r.integer(c, "cents")};
      s.national_ceilings.push_back(ceiling);
    }
  }
  if (r.error.empty()) {
    if (s.period_end < s.period_start || s.spend_deadline < s.period_end)
      r.fail("period dates out of order");
    if (s.last_spend_year() - s.first_year() > 20) r.fail("period longer than 20 years");
  }
  r.context.clear();
  return s;
}

}  // namespace

const CofinancingOption* Scheme::cofinancing_option(std::string_view option_id) const {
  const std::string_view wanted =
      option_id.empty() ? std::string_view(default_cofinancing_option) : option_id;
  for (const auto& o : cofinancing_options)
    if (o.id == wanted) return &o;
  return nullptr;
}

bool Scheme::offers_cofinancing_base(CofinancingBase base) const {
  return base == cofinancing_base ||
         std::find(other_cofinancing_bases.begin(), other_cofinancing_bases.end(), base) !=
             other_cofinancing_bases.end();
}

bool Scheme::ranked_region(RegionType type) const {
  return std::find(ranked_region_types.begin(), ranked_region_types.end(), type) !=
         ranked_region_types.end();
}

bool Scheme::counts_as_vmbo(OrganisationKind kind) const {
  return kind == OrganisationKind::vmbo || (vso_counts_as_vmbo && kind == OrganisationKind::vso);
}

const SubmissionRound* Scheme::submission_round(std::string_view round_id) const {
  if (submission_rounds.empty()) return nullptr;
  if (round_id.empty()) {
    for (const auto& round : submission_rounds)
      if (round.id == default_submission_round) return &round;
    return &submission_rounds.front();
  }
  for (const auto& round : submission_rounds)
    if (round.id == round_id) return &round;
  return nullptr;
}

const SubmissionRound* Scheme::submission_round_for(const Date& date) const {
  for (const auto& round : submission_rounds)
    if (!(round.due < date)) return &round;
  return submission_rounds.empty() ? nullptr : &submission_rounds.back();
}

const SubmissionRound* Scheme::submission_round_in_force(std::string_view round_id) const {
  const SubmissionRound* round = submission_round(round_id);
  return round != nullptr ? round : submission_round("");
}

int Scheme::last_detailed_year(std::string_view round_id) const {
  const SubmissionRound* round = submission_round_in_force(round_id);
  return round != nullptr ? round->detailed_through : first_year() + concrete_years - 1;
}

const Scheme* SchemeTable::find(std::string_view id) const {
  for (const auto& s : schemes)
    if (s.id == id) return &s;
  return nullptr;
}

SchemeTableResult parse_scheme_table(std::string_view json) {
  SchemeTableResult result;
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    const std::string where = std::to_string(doc.GetErrorOffset());
    result.error.en = std::string("scheme table is not valid JSON at byte ") + where + ": " +
                      rapidjson::GetParseError_En(doc.GetParseError());
    result.error.nl = "regelingentabel is geen geldige JSON (byte " + where + ")";
    return result;
  }
  Reader r;
  if (r.string(doc, "format") != "sto-schemes") r.fail("not a scheme table (format)");
  if (r.error.empty() && r.integer(doc, "version") != 1) r.fail("unsupported scheme table version");
  if (const JsonValue* schemes = r.error.empty() ? r.array(doc, "schemes") : nullptr) {
    for (const auto& s : schemes->GetArray()) {
      Scheme scheme = parse_scheme(r, s);
      if (!r.error.empty()) break;
      if (result.table.find(scheme.id)) r.fail("duplicate scheme id '" + scheme.id + "'");
      result.table.schemes.push_back(std::move(scheme));
    }
  }
  if (!r.error.empty()) {
    result.table = {};
    result.error.en = "scheme table: " + r.error;
    result.error.nl = "regelingentabel: " + r.error;
  }
  return result;
}

namespace {
const SchemeTableResult& builtin_result() {
  static const SchemeTableResult result = parse_scheme_table(assets::embedded_file("schemes.json"));
  return result;
}
}  // namespace

const SchemeTable& builtin_schemes() {
  return builtin_result().table;
}
const LocalizedText& builtin_schemes_error() {
  return builtin_result().error;
}

}  // namespace sto
