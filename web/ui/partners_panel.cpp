// Regio & partners: the region (name, type, the amount its maximum rests on), the organisations
// in the plan, and the student counts behind a per-student maximum. Every change is a core command.
#include <imgui.h>

#include <cfloat>
#include <string>

#include "access/access.h"
#include "app/app.h"
#include "model/labels.h"
#include "text/strings.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

constexpr int kKindCount = 8;  // OrganisationKind values
constexpr int kRegionTypeCount = 3;
const char* const kPathLabels[] = {"BB", "KB", "GL", "TL"};

// Row to give keyboard focus after "add": the new row's first field.
int focus_organisation = -1;
int focus_count = -1;

// [SECTION] Region
void draw_region(App& app) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Scheme* scheme = app.document().scheme();
  const Evaluation& ev = app.analysis().evaluation;
  heading(tr(Str::region, lang));
  if (!ImGui::BeginTable("##region_form", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::GetFontSize() * 13.0f);
  ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);

  form_row(tr(Str::pt_region_name, lang));
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 480.0f));
  std::string name;
  if (edit_text("##region_name", plan.region.name, name)) app.post(SetField<&Region::name>{name});

  form_row(tr(Str::pt_region_type, lang));
  ImGui::SetNextItemWidth(260.0f);
  int type = static_cast<int>(plan.region.type);
  if (edit_choice(
          "##region_type", type, kRegionTypeCount,
          [&](int i) { return region_type_label(static_cast<RegionType>(i), lang); }, type))
    app.post(SetField<&Region::type>{static_cast<RegionType>(type)});

  if (scheme != nullptr && scheme->allocation == AllocationMode::fixed_table) {
    form_row(tr(Str::pt_fixed_maximum, lang));
    ImGui::SetNextItemWidth(200.0f);
    Money amount;
    if (edit_money("##fixed_maximum", plan.region.fixed_maximum, amount, lang))
      app.post(SetField<&Region::fixed_maximum>{amount});
    if (scheme->luwe_cap.cents > 0 && plan.region.type == RegionType::techniekluwe)
      note_text(std::string(tr(Str::pt_luwe_cap_note, lang)) + " " +
                format_money(scheme->luwe_cap, lang));
  } else if (scheme != nullptr && scheme->allocation == AllocationMode::previous_grant_share) {
    form_row(tr(Str::pt_previous_grant, lang));
    ImGui::SetNextItemWidth(200.0f);
    Money amount;
    if (edit_money("##previous_grant", plan.region.previous_grant, amount, lang))
      app.post(SetField<&Region::previous_grant>{amount});
    note_text(std::string(tr(Str::pt_previous_grant_note, lang)) + " " +
              format_percent_bp(scheme->previous_grant_share_bp, lang));
  } else if (scheme != nullptr) {
    form_row(tr(Str::subsidy_maximum, lang));
    note_text(tr(Str::pt_per_student_note, lang));
  }

  form_row(tr(Str::subsidy_maximum, lang));
  if (ev.max_known) {
    text_item_colored(kColorNeutral, format_money(ev.max_subsidy, lang));
  } else {
    text_item_colored(kColorWarning, tr(Str::pt_maximum_unknown, lang));
  }
  if (!ev.max_rule.empty()) note_text(ev.max_rule.in(lang));
  ImGui::EndTable();
}

// [SECTION] Organisations
// A row's check box is read with its organisation ("Penvoerder: Vmbo College Noord"): every row's
// boxes look alike, and a screen reader reading the column header alone cannot tell them apart.
void label_next_checkbox(Str column, const Organisation& org, Language lang) {
  const std::string name = tr(column, lang);
  access::label_next_item(org.name.empty() ? name : name + ": " + org.name);
}

void draw_organisation_row(App& app, std::size_t i) {
  const Language lang = app.language();
  const Organisation& org = app.plan().organisations[i];
  const std::string path = "organisations[" + std::to_string(i) + "]";
  ImGui::PushID(static_cast<int>(i));
  ImGui::TableNextRow();
  const bool scroll = highlight_row(app, path);
  ImGui::TableNextColumn();
  finding_marker(app, path);
  if (scroll) scroll_to_row(app);

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (focus_organisation == static_cast<int>(i)) {
    ImGui::SetKeyboardFocusHere();
    scroll_page_here(0.5f);
    focus_organisation = -1;
  }
  std::string text;
  if (edit_text("##name", org.name, text)) app.post(RenameOrganisation{i, text});

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  int kind = static_cast<int>(org.kind);
  if (edit_choice(
          "##kind", kind, kKindCount,
          [&](int k) { return organisation_kind_label(static_cast<OrganisationKind>(k), lang); },
          kind)) {
    Organisation changed = org;
    changed.kind = static_cast<OrganisationKind>(kind);
    app.post(SetOrganisation{i, changed});
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (edit_text("##brin", org.brin, text)) {
    Organisation changed = org;
    changed.brin = text;
    app.post(SetOrganisation{i, changed});
  }

  ImGui::TableNextColumn();
  bool penvoerder = org.penvoerder;
  label_next_checkbox(Str::pt_column_penvoerder, org, lang);
  if (ImGui::Checkbox("##penvoerder", &penvoerder)) {
    Organisation changed = org;
    changed.penvoerder = penvoerder;
    app.post(SetOrganisation{i, changed});
  }

  ImGui::TableNextColumn();
  // Shows whether the organisation counts; a click that agrees with its kind returns to "by kind",
  // so a later change of kind is followed again.
  bool business = is_business_for_cofinancing(org);
  label_next_checkbox(Str::pt_column_business, org, lang);
  if (ImGui::Checkbox("##counts_as_business", &business)) {
    Organisation changed = org;
    const bool by_kind = org.kind == OrganisationKind::business;
    changed.counts_as_business = business == by_kind ? BusinessStatus::by_kind
                                 : business          ? BusinessStatus::yes
                                                     : BusinessStatus::no;
    app.post(SetOrganisation{i, changed});
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "%s\n\n%s", tr(Str::pt_business_hint, lang),
        tr(org.counts_as_business == BusinessStatus::by_kind ? Str::pt_business_by_kind
                                                             : Str::pt_business_by_hand,
           lang));

  ImGui::TableNextColumn();
  bool partner = org.partner;
  label_next_checkbox(Str::pt_column_partner, org, lang);
  if (ImGui::Checkbox("##partner", &partner)) {
    Organisation changed = org;
    changed.partner = partner;
    app.post(SetOrganisation{i, changed});
  }

  ImGui::TableNextColumn();
  const std::string remove = tr(Str::pt_remove_organisation, lang);
  if (symbol_button("×", org.name.empty() ? remove : remove + ": " + org.name,
                    tr(Str::undo_hint, lang)))
    app.post(RemoveOrganisation{i});
  ImGui::PopID();
}

void draw_organisations(App& app) {
  const Language lang = app.language();
  const std::vector<Organisation>& orgs = app.plan().organisations;
  heading(tr(Str::pt_organisations, lang));
  note_text(tr(Str::pt_organisations_note, lang));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
  const float em = ImGui::GetFontSize();
  // The name never narrower than 12 em; the check-box columns as wide as their headers.
  float least_width = (12.0f + 1.2f + 10.0f + 5.5f + 1.6f) * em + table_cell_padding(8);
  for (Str header : {Str::pt_column_penvoerder, Str::pt_column_business, Str::pt_column_partner})
    least_width += ImGui::CalcTextSize(tr(header, lang)).x;
  if (begin_wide_table("##organisations", 8, flags, least_width, static_cast<int>(orgs.size()),
                       true)) {
    ImGui::TableSetupScrollFreeze(2, 0);  // scrolled sideways, each row keeps its name in view
    ImGui::TableSetupColumn("##findings", ImGuiTableColumnFlags_WidthFixed, em * 1.2f);
    ImGui::TableSetupColumn(tr(Str::column_name, lang), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::pt_column_kind, lang), ImGuiTableColumnFlags_WidthFixed,
                            em * 10.0f);
    ImGui::TableSetupColumn("BRIN", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ImGui::TableSetupColumn(tr(Str::pt_column_penvoerder, lang));
    ImGui::TableSetupColumn(tr(Str::pt_column_business, lang));
    ImGui::TableSetupColumn(tr(Str::pt_column_partner, lang));
    ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, em * 1.6f);
    ImGui::TableHeadersRow();
    if (app.ui_state().scroll_to_highlight || focus_organisation >= 0) {
      // Draw every row this frame, so the one to scroll to exists.
      for (std::size_t i = 0; i < orgs.size(); ++i) draw_organisation_row(app, i);
    } else {
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(orgs.size()));
      while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
          draw_organisation_row(app, static_cast<std::size_t>(i));
    }
    ImGui::EndTable();
  }
  if (orgs.empty()) note_text(tr(Str::pt_no_organisations, lang));
  if (ImGui::Button(tr(Str::pt_add_organisation, lang))) {
    Organisation org;
    std::vector<std::string> ids;
    for (const Organisation& o : orgs) ids.push_back(o.id);
    org.id = unused_id("org", ids);
    org.name = tr(Str::pt_new_organisation, lang);
    const std::size_t index = orgs.size();
    app.post(AddOrganisation{index, org},
             [index] { focus_organisation = static_cast<int>(index); });
  }
}

// [SECTION] Student counts
void draw_count_row(App& app, std::size_t i) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const StudentCount& count = plan.student_counts[i];
  const std::string path = "student_counts[" + std::to_string(i) + "]";
  ImGui::PushID(static_cast<int>(i));
  ImGui::TableNextRow();
  const bool scroll = highlight_row(app, path);
  ImGui::TableNextColumn();
  finding_marker(app, path);
  if (scroll) scroll_to_row(app);

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  int org = -1;
  for (std::size_t k = 0; k < plan.organisations.size(); ++k)
    if (plan.organisations[k].id == count.organisation_id) org = static_cast<int>(k);
  if (focus_count == static_cast<int>(i)) {
    scroll_page_here(0.5f);
    focus_count = -1;
  }
  const std::string unknown =
      count.organisation_id.empty()
          ? std::string("—")
          : tr(Str::ed_unknown_organisation, lang) + std::string(": ") + count.organisation_id;
  if (begin_combo("##organisation",
                  org >= 0 ? plan.organisations[static_cast<std::size_t>(org)].name.c_str()
                           : unknown.c_str())) {
    for (std::size_t k = 0; k < plan.organisations.size(); ++k) {
      ImGui::PushID(static_cast<int>(k));
      if (ImGui::Selectable(plan.organisations[k].name.c_str(), static_cast<int>(k) == org) &&
          static_cast<int>(k) != org) {
        StudentCount changed = count;
        changed.organisation_id = plan.organisations[k].id;
        app.post(SetStudentCount{i, changed});
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  int learning_path = static_cast<int>(count.path);
  if (edit_choice(
          "##path", learning_path, 4, [](int k) { return kPathLabels[k]; }, learning_path)) {
    StudentCount changed = count;
    changed.path = static_cast<LearningPath>(learning_path);
    app.post(SetStudentCount{i, changed});
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  std::string text;
  if (edit_text("##profile", count.profile, text)) {
    StudentCount changed = count;
    changed.profile = text;
    app.post(SetStudentCount{i, changed});
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (edit_text("##date", format_date(count.count_date, lang), text)) {
    Date date;
    if (parse_date(text, date)) {
      StudentCount changed = count;
      changed.count_date = date;
      app.post(SetStudentCount{i, changed});
    } else {
      ImGui::OpenPopup("##bad_date");  // the old date stays; say why
    }
  }
  if (ImGui::BeginPopup("##bad_date")) {
    text_item_colored(kColorError, tr(Str::ed_invalid_date, lang));
    ImGui::EndPopup();
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  std::int64_t students = 0;
  if (edit_int("##students", count.students, students, lang, 0, 1000000)) {
    StudentCount changed = count;
    changed.students = students;
    app.post(SetStudentCount{i, changed});
  }

  ImGui::TableNextColumn();
  // Named by school, path and profile: the rows of one school differ only in those.
  std::string remove =
      tr(Str::pt_remove_student_count, lang) + std::string(": ") +
      (org >= 0 ? plan.organisations[static_cast<std::size_t>(org)].name : unknown) + ", " +
      kPathLabels[static_cast<int>(count.path)];
  if (!count.profile.empty()) remove += " " + count.profile;
  if (symbol_button("×", remove, tr(Str::undo_hint, lang))) app.post(RemoveStudentCount{i});
  ImGui::PopID();
}

void draw_student_counts(App& app) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Scheme* scheme = app.document().scheme();
  heading(tr(Str::pt_student_counts, lang));
  std::string intro = tr(Str::pt_student_counts_note, lang);
  if (scheme != nullptr && scheme->count_date.is_set())
    intro += " " + std::string(tr(Str::pt_count_date, lang)) + ": " +
             format_date(scheme->count_date, lang) + ".";
  note_text(intro);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
  const float em = ImGui::GetFontSize();
  const float least_width =
      (1.2f + 12.0f + 4.5f + 6.0f + 7.0f + 5.5f + 1.6f) * em + table_cell_padding(7);
  if (begin_wide_table("##student_counts", 7, flags, least_width,
                       static_cast<int>(plan.student_counts.size()), true)) {
    ImGui::TableSetupScrollFreeze(2, 0);  // and each count its school
    ImGui::TableSetupColumn("##findings", ImGuiTableColumnFlags_WidthFixed, em * 1.2f);
    ImGui::TableSetupColumn(tr(Str::ed_column_organisation, lang),
                            ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::pt_column_learning_path, lang),
                            ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
    ImGui::TableSetupColumn(tr(Str::pt_column_profile, lang), ImGuiTableColumnFlags_WidthFixed,
                            em * 6.0f);
    ImGui::TableSetupColumn(tr(Str::pt_count_date, lang), ImGuiTableColumnFlags_WidthFixed,
                            em * 7.0f);
    ImGui::TableSetupColumn(tr(Str::pt_column_students, lang), ImGuiTableColumnFlags_WidthFixed,
                            em * 5.5f);
    ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, em * 1.6f);
    ImGui::TableHeadersRow();
    const std::size_t n = plan.student_counts.size();
    if (app.ui_state().scroll_to_highlight || focus_count >= 0) {
      for (std::size_t i = 0; i < n; ++i) draw_count_row(app, i);
    } else {
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(n));
      while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
          draw_count_row(app, static_cast<std::size_t>(i));
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr(Str::pt_add_student_count, lang))) {
    StudentCount count;
    // Start from the last row's organisation and date: counts are typed school by school.
    if (!plan.student_counts.empty()) {
      count.organisation_id = plan.student_counts.back().organisation_id;
      count.count_date = plan.student_counts.back().count_date;
    } else {
      for (const Organisation& o : plan.organisations)
        if (count.organisation_id.empty() && o.kind == OrganisationKind::vmbo)
          count.organisation_id = o.id;
      if (scheme != nullptr) count.count_date = scheme->count_date;
    }
    const std::size_t index = plan.student_counts.size();
    app.post(AddStudentCount{index, count}, [index] { focus_count = static_cast<int>(index); });
  }
}

}  // namespace

void draw_partners_panel(App& app) {
  draw_region(app);
  ImGui::Spacing();
  draw_organisations(app);
  ImGui::Spacing();
  draw_student_counts(app);
}

}  // namespace sto::ui
