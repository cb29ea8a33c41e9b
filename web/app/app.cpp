// The application object: loads the sample plan, keeps the analysis current, draws the sections.
#include "app/app.h"

#include <imgui.h>

#include "assets.h"
#include "file_format.h"
#include "app/fonts.h"
#include "summary_json.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

constexpr const char* kSamplePlan = "samples/voorbeeldregio.json";
constexpr float kFontSize = 16.0f;  // CSS pixels

// Escapes text for a JSON string literal.
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void apply_style() {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 8);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.957f, 0.965f, 0.976f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
}

}  // namespace

App::App() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini on a virtual file system
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  apply_style();
  const LoadResult sample = load_plan(assets::embedded_file(kSamplePlan));
  document_.replace(sample.ok() ? sample.plan : Plan{});
}

void App::set_pixel_ratio(float ratio) {
  if (ratio == pixel_ratio_) return;
  pixel_ratio_ = ratio;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Rasterize at device pixels and scale back, so text is sharp on HiDPI screens and when zoomed.
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 (ë, é, ï, ü …)
      0x0100, 0x017F,  // Latin Extended-A
      0x2013, 0x2026,  // dashes, curly quotes, bullet, ellipsis (pasted from Word or e-mail)
      0x20AC, 0x20AC,  // €
      0x2190, 0x2193,  // arrows
      0x2264, 0x2265,  // ≤ ≥
      0,
  };
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are compiled into the program
  const std::string_view font = fonts::embedded_file("DejaVuSans.ttf");
  io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                 kFontSize * ratio, &config, ranges);
  io.FontGlobalScale = 1.0f / ratio;
}

std::string App::plan_json() const { return save_plan(plan()); }

std::string App::load_plan_json_for_api(std::string_view text) {
  LoadResult result = load_plan(text);
  if (!result.ok()) return "{\"ok\":false,\"error\":" + json_string(result.error.in(language_)) + "}";
  document_.replace(std::move(result.plan));
  return "{\"ok\":true}";
}

std::string App::summary_json() const { return sto::summary_json(plan(), analysis(), language_); }

void App::draw_top_bar() {
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextColored(kColorNeutral, "%s", tr(Str::app_title, language_));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::SameLine();
  ImGui::TextDisabled("%s: %s", tr(Str::region, language_), plan().region.name.c_str());
  const char* switch_label = tr(Str::language_switch, language_);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(switch_label).x -
                  2 * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button(switch_label)) toggle_language();
  if (plan().is_example) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.96f, 0.80f, 1.0f));
    ImGui::BeginChild("##example", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 8), true);
    ImGui::TextUnformatted(tr(Str::example_banner, language_));
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
}

void App::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("##main", nullptr, flags);
  draw_top_bar();
  if (ImGui::BeginTabBar("##sections")) {
    struct SectionView {
      Str title;
      void (*draw)(const App&);
    };
    static const SectionView sections[] = {{Str::section_overview, draw_overview_panel}};
    static_assert(sizeof(sections) / sizeof(sections[0]) == static_cast<int>(Section::count));
    for (int i = 0; i < static_cast<int>(Section::count); ++i) {
      const ImGuiTabItemFlags select = section_to_select_ == i ? ImGuiTabItemFlags_SetSelected : 0;
      // The ## id keeps a tab selected when its title changes language.
      const std::string label = std::string(tr(sections[i].title, language_)) + "##section" + std::to_string(i);
      if (ImGui::BeginTabItem(label.c_str(), nullptr, select)) {
        sections[i].draw(*this);
        ImGui::EndTabItem();
      }
    }
    section_to_select_ = -1;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void App::draw_every_section_for_test(const std::function<void()>& draw_frames) {
  for (int i = 0; i < static_cast<int>(Section::count); ++i) {
    section_to_select_ = i;
    draw_frames();
  }
}

}  // namespace sto::ui
