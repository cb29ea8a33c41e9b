// Shared drawing helpers for the panels.
#include "ui/widgets.h"

#include "app/item_registry.h"

namespace sto::ui {

void key_figure(const char* id, const char* caption, const std::string& value,
                const std::string& note, ImVec4 accent, float width) {
  ImGui::PushStyleColor(ImGuiCol_Border, accent);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild(id, ImVec2(width, line * 5.2f), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_item(caption);
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.45f);
  text_item_colored(accent, value);
  ImGui::SetWindowFontScale(1.0f);
  if (!note.empty()) {
    ImGui::TextWrapped("%s", note.c_str());
    record_last_item(note);
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void text_item(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  record_last_item(text);
}

void text_item_colored(const ImVec4& color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_item(text);
  ImGui::PopStyleColor();
}

void text_item_right(const std::string& text) {
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
  text_item(text);
}

}  // namespace sto::ui
