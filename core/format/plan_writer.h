// Writes a plan file a slice at a time, so a caller with a time limit (the app's autosave, a few
// milliseconds per frame) can spread the work of a large plan over several calls. The text is
// byte for byte what save_plan() writes (save_plan is this writer run to the end). No platform
// headers.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

#include "model/plan.h"

namespace sto {

class StringOutputArchive;

class PlanWriter {
 public:
  // Writes the envelope and the plan's fields up to its activities. `plan` must stay alive and
  // unchanged until the writer is done (a caller that cannot promise that starts over).
  // `expected_size`: about how long the text will be (the last save's length; 0: estimated from
  // the plan), so a text of megabytes is written in place instead of copied each time it
  // outgrows its buffer.
  explicit PlanWriter(const Plan& plan, std::size_t expected_size = 0);
  ~PlanWriter();
  PlanWriter(const PlanWriter&) = delete;
  PlanWriter& operator=(const PlanWriter&) = delete;

  // Writes whole activities until about `max_lines` budget lines are written (at least one
  // activity), then, after the last activity, the rest of the file. True when the text is done.
  bool write_some(std::size_t max_lines);
  bool done() const { return done_; }
  // Bytes written so far.
  std::size_t size() const;
  // The finished text (call once done()), valid while the writer lives.
  std::string_view text() const;

 private:
  const Plan& plan_;
  std::unique_ptr<StringOutputArchive> archive_;
  std::size_t next_activity_ = 0;
  bool done_ = false;
};

}  // namespace sto
