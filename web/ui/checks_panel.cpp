// Controle: every finding of the rule checks, grouped by severity, each with its place in the
// user's words and the source of its rule. Clicking one opens the section that holds the item it
// is about, selects that item and highlights it.
#include <imgui.h>

#include <string>

#include "app/app.h"
#include "rules/finding_codes.h"
#include "rules/finding_place.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

void draw_checks_panel(App& app) {
  const Language lang = app.language();
  const std::vector<Finding>& findings = app.analysis().findings;
  if (findings.empty()) {
    text_item_colored(kColorOk, tr(Str::no_findings, lang));
    return;
  }
  struct Group {
    Severity severity;
    Str title;
    ImVec4 colour;
  };
  const Group groups[] = {{Severity::error, Str::severity_errors, kColorError},
                          {Severity::warning, Str::severity_warnings, kColorWarning},
                          {Severity::info, Str::severity_info, kColorNeutral}};
  for (const Group& group : groups) {
    int count = 0;
    for (const Finding& f : findings) count += f.severity == group.severity ? 1 : 0;
    if (count == 0) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, group.colour);
    const std::string header =
        std::string(tr(group.title, lang)) + " (" + std::to_string(count) + ")";
    const bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    if (!open) continue;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      if (f.severity != group.severity) continue;
      ImGui::PushID(static_cast<int>(i));
      // The whole message is the click target; its label is the message so tests can find it.
      const std::string& message = f.message.in(lang);
      ImGui::PushStyleColor(ImGuiCol_Text, group.colour);
      ImGui::Bullet();
      ImGui::PopStyleColor();
      ImGui::SameLine();
      // A Selectable draws its label on one line, cut at the window's edge: the label stays its
      // name (for tests and the mirror) but is drawn wrapped over it, and the item is that tall.
      const float width = ImGui::GetContentRegionAvail().x;
      const ImVec2 wrapped = ImGui::CalcTextSize(message.c_str(), nullptr, false, width);
      const ImVec2 text_at = ImGui::GetCursorScreenPos();  // where the label would be drawn
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
      const bool clicked = ImGui::Selectable((message + "##finding").c_str(), false,
                                             ImGuiSelectableFlags_None, ImVec2(width, wrapped.y));
      ImGui::PopStyleColor();
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_at,
                                          ImGui::GetColorU32(ImGuiCol_Text), message.c_str(),
                                          message.c_str() + message.size(), width);
      if (clicked) app.go_to_finding(f);
      // Under it, quiet: its place in the user's words with the code (the internal path as a
      // tooltip), then the source of the rule.
      ImGui::Indent();
      text_disabled(finding_place(app.plan(), f.path).in(lang) + "  ·  " + f.code);
      if (!f.path.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.path.c_str());
      const std::string source = source_line(f.code, lang);
      if (!source.empty()) note_text(source);
      ImGui::Unindent();
      ImGui::PopID();
    }
  }
}

}  // namespace sto::ui
