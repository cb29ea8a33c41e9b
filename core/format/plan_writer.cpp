// The plan file writer: the serialize.h cereal functions over StringOutputArchive, with the
// activities list opened and closed here so it can be written in slices. The envelope and the
// node steps mirror what cereal does for archive(make_nvp("plan", plan)).
#include "format/plan_writer.h"

#include "format/file_format.h"
#include "format/serialize.h"
#include "format/string_archive.h"

namespace sto {

PlanWriter::PlanWriter(const Plan& plan, std::size_t expected_size)
    // One tab per level keeps the file readable and diffable at 60% of the size of four spaces.
    : plan_(plan), archive_(std::make_unique<StringOutputArchive>('\t', 1)) {
  StringOutputArchive& ar = *archive_;
  if (expected_size == 0) {
    // Not known: a budget line takes about 500 bytes of a typical plan file.
    std::size_t lines = 0;
    for (const Activity& activity : plan.activities) lines += activity.lines.size();
    expected_size = 512 * lines;
  }
  ar.reserve(expected_size + expected_size / 16 + 16 * 1024);  // room for some growth
  ar(cereal::make_nvp("format", std::string(kFileFormatMarker)),
     cereal::make_nvp("version", kFileFormatVersion),
     cereal::make_nvp("app_version", std::string(STO_APP_VERSION)));
  // cereal's steps for a versioned class in a named field: open the node, its class version
  // (the plan's only occurrence), its fields.
  ar.setNextName("plan");
  ar.startNode();
  ar(cereal::make_nvp("cereal_class_version",
                      static_cast<std::uint32_t>(cereal::detail::Version<Plan>::version)));
  save_plan_head(ar, plan_);
  // What cereal does for a std::vector: a node made an array.
  ar.setNextName("activities");
  ar.startNode();
  ar.makeArray();
}

PlanWriter::~PlanWriter() = default;

bool PlanWriter::write_some(std::size_t max_lines) {
  if (done_) return true;
  StringOutputArchive& ar = *archive_;
  std::size_t lines = 0;
  while (next_activity_ < plan_.activities.size() && (lines == 0 || lines < max_lines)) {
    const Activity& activity = plan_.activities[next_activity_++];
    ar(activity);
    lines += activity.lines.size() + 1;
  }
  if (next_activity_ < plan_.activities.size()) return false;
  ar.finishNode();  // activities
  save_plan_tail(ar, plan_);
  ar.finishNode();  // plan
  ar.finish();
  done_ = true;
  return true;
}

std::size_t PlanWriter::size() const {
  return archive_->size();
}

std::string_view PlanWriter::text() const {
  return archive_->text();
}

}  // namespace sto
