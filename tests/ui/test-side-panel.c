/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-row.h"
#include "gloss-claim-editor.h"
#include "gloss-entity-item.h"
#include "gloss-entity-row.h"
#include "gloss-panel-page.h"
#include "gloss-side-panel.h"
#include "ui-test-util.h"

/* An article written for these tests. "Kessel" is named twice, "Brandt"
 * three times; the last sentence carries a note. */
static const char article_text[] =
  "Mayor Ilse Brandt opened the Harbour Bridge on Monday. "
  "Brandt said the bridge cost 40 million euros.\n"
  "\n"
  "The council of Kessel approved the budget, said Mayor Brandt. "
  "Piet de Vries disagreed. Critics in Kessel called it a waste.\n";

typedef struct
{
  char            *folder;
  GFile           *article;
  GlossDocument   *document;
  GtkWindow       *window;
  GlossSidePanel  *panel;

  GlossEntity     *brandt;
  GlossEntity     *kessel;
  GlossEntity     *bridge;
  GlossEntity     *vries;
  GlossAnnotation *claim;
  GlossAnnotation *note;
  GlossAnnotation *critics_kessel;
  /* With the "claims" set up, each sentence holds a claim, in the order
   * of the article: fixture->claim is claims[1]. */
  GlossAnnotation *claims[5];

  GlossEntity     *activated_entity;
  GlossAnnotation *activated_annotation;
  guint            n_activations;
} Fixture;

static gint64
offset_of (const char *needle,
           guint       occurrence)
{
  const char *found = article_text;

  for (guint i = 0; i <= occurrence; i++)
    {
      found = strstr (i == 0 ? found : found + 1, needle);
      g_assert_nonnull (found);
    }

  /* The article is ASCII: bytes are code points. */
  return found - article_text;
}

static GlossAnnotation *
add_span (Fixture             *fixture,
          GlossAnnotationKind  kind,
          const char          *text,
          guint                occurrence,
          const char          *label,
          GlossEntity         *entity)
{
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (text, occurrence);
  const char *id = entity != NULL ? gloss_entity_get_id (entity) : NULL;
  GlossAnnotation *annotation;

  annotation = gloss_document_add_annotation (fixture->document, kind, start, start + strlen (text),
                                              label, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);

  return annotation;
}

static GlossEntity *
add_entity (Fixture    *fixture,
            const char *name,
            const char *label)
{
  g_autoptr(GError) error = NULL;
  GlossEntity *entity = gloss_document_create_entity (fixture->document, name, label, &error);

  g_assert_no_error (error);
  return entity;
}

static void
fill_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->brandt = add_entity (fixture, "Ilse Brandt", "person");
  fixture->kessel = add_entity (fixture, "Kessel", "place");
  fixture->bridge = add_entity (fixture, "Harbour Bridge", "other");
  fixture->vries = add_entity (fixture, "de Vries", "person");

  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Ilse Brandt", 0, "person", fixture->brandt);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Brandt", 1, "person", fixture->brandt);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Harbour Bridge", 0, "other", fixture->bridge);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Kessel", 0, "place", fixture->kessel);
  fixture->critics_kessel = add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Kessel", 1, "place",
                                      fixture->kessel);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Piet de Vries", 0, "person", fixture->vries);

  fixture->claim = add_span (fixture, GLOSS_ANNOTATION_CLAIM,
                             "Brandt said the bridge cost 40 million euros.", 0, NULL, NULL);
  fixture->note = add_span (fixture, GLOSS_ANNOTATION_NOTE,
                            "Critics in Kessel called it a waste.", 0, NULL, NULL);
  g_assert_true (gloss_document_set_annotation_note (fixture->document, fixture->note,
                                                     "Who are these critics?", &error));
  g_assert_no_error (error);
}

static GlossAnnotation *
add_claim (Fixture          *fixture,
           const char       *text,
           GlossClaimStatus  status,
           GlossVerdict      verdict)
{
  GlossAnnotation *claim = add_span (fixture, GLOSS_ANNOTATION_CLAIM, text, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_set_claim_status (fixture->document, claim, status, &error));
  g_assert_true (gloss_document_set_claim_verdict (fixture->document, claim, verdict, &error));
  g_assert_no_error (error);

  return claim;
}

/* Five claims: two unreviewed, one in each other status. */
static void
add_claims (Fixture *fixture)
{
  fixture->claims[0] = add_claim (fixture, "Mayor Ilse Brandt opened the Harbour Bridge on Monday.",
                                  GLOSS_CLAIM_REVIEWED, GLOSS_VERDICT_TRUE);
  fixture->claims[1] = fixture->claim;
  fixture->claims[2] = add_claim (fixture, "The council of Kessel approved the budget",
                                  GLOSS_CLAIM_IN_REVIEW, GLOSS_VERDICT_MOSTLY_FALSE);
  fixture->claims[3] = add_claim (fixture, "Piet de Vries disagreed.",
                                  GLOSS_CLAIM_DISMISSED, GLOSS_VERDICT_NONE);
  fixture->claims[4] = add_claim (fixture, "Critics in Kessel called it a waste.",
                                  GLOSS_CLAIM_UNREVIEWED, GLOSS_VERDICT_MISLEADING);
}

static void
entity_activated_cb (GlossSidePanel *panel,
                     GlossEntity    *entity,
                     Fixture        *fixture)
{
  fixture->activated_entity = entity;
  fixture->n_activations++;
}

static void
annotation_activated_cb (GlossSidePanel  *panel,
                         GlossAnnotation *annotation,
                         Fixture         *fixture)
{
  fixture->activated_annotation = annotation;
  fixture->n_activations++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("gloss-panel-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "harbour.txt", NULL);
  g_assert_true (g_file_set_contents (path, article_text, -1, NULL));
  fixture->article = g_file_new_for_path (path);

  fixture->document = gloss_document_load (fixture->article, NULL, &error);
  g_assert_no_error (error);
  if (data != NULL)
    fill_document (fixture);
  if (g_strcmp0 (data, "claims") == 0)
    add_claims (fixture);

  fixture->panel = GLOSS_SIDE_PANEL (gloss_side_panel_new ());
  g_signal_connect (fixture->panel, "entity-activated", G_CALLBACK (entity_activated_cb), fixture);
  g_signal_connect (fixture->panel, "annotation-activated", G_CALLBACK (annotation_activated_cb),
                    fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  gloss_side_panel_set_document (fixture->panel, fixture->document);
  ui_test_drain ();
}

static void
close_dialogs (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sidecar = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);
  g_autofree char *path = g_file_get_path (fixture->article);

  close_dialogs ();
  gtk_window_destroy (fixture->window);
  ui_test_drain ();
  g_clear_object (&fixture->document);

  g_remove (sidecar);
  g_unlink (path);
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_clear_object (&fixture->article);
}

static gpointer
panel_child (Fixture    *fixture,
             const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->panel), GLOSS_TYPE_SIDE_PANEL, name);
}

static GlossPanelPage *
get_page (Fixture    *fixture,
          const char *name)
{
  return GLOSS_PANEL_PAGE (panel_child (fixture, name));
}

static gpointer
row_child (GtkWidget  *row,
           GType       type,
           const char *name)
{
  return gtk_widget_get_template_child (row, type, name);
}

static gpointer
page_child (GlossPanelPage *page,
            const char     *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), GLOSS_TYPE_PANEL_PAGE, name);
}

static GListModel *
page_model (Fixture    *fixture,
            const char *name)
{
  return G_LIST_MODEL (gloss_panel_page_get_selection (get_page (fixture, name)));
}

static guint
n_listed (Fixture    *fixture,
          const char *name)
{
  return g_list_model_get_n_items (page_model (fixture, name));
}

typedef char *(*ItemName) (Fixture *fixture,
                           gpointer item);

/* The items listed on @page, in order, each named by @name, joined by "|". */
static char *
listed (Fixture    *fixture,
        const char *page,
        ItemName    name)
{
  GListModel *model = page_model (fixture, page);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = name (fixture, item);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", item_name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
entity_name (Fixture  *fixture,
             gpointer  item)
{
  return g_strdup (gloss_entity_item_get_name (item));
}

static char *
listed_entities (Fixture *fixture)
{
  return listed (fixture, "entity_page", entity_name);
}

static GlossEntityItem *
item_of (Fixture     *fixture,
         GlossEntity *entity)
{
  GListModel *model = page_model (fixture, "entity_page");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (model, i);

      if (gloss_entity_item_get_entity (item) == entity)
        return item;
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget   *widget,
          GType        type,
          gconstpointer item)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      gloss_panel_row_get_item (GLOSS_PANEL_ROW (widget)) == item)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row showing @item on a page, if the list made one. */
static GtkWidget *
page_row (Fixture       *fixture,
          const char    *page,
          GType          type,
          gconstpointer  item)
{
  return item != NULL ? find_row (GTK_WIDGET (get_page (fixture, page)), type, item) : NULL;
}

static GtkWidget *
entity_row (Fixture     *fixture,
            GlossEntity *entity)
{
  return page_row (fixture, "entity_page", GLOSS_TYPE_ENTITY_ROW, item_of (fixture, entity));
}

static GtkWidget *
annotation_row (Fixture         *fixture,
                const char      *page,
                GlossAnnotation *annotation)
{
  return page_row (fixture, page, GLOSS_TYPE_ANNOTATION_ROW, annotation);
}

static const char *
row_label (GtkWidget  *row,
           GType       type,
           const char *name)
{
  return gtk_label_get_label (row_child (row, type, name));
}

static gboolean
kessel_row_shows (gpointer       fixture_data,
                 gconstpointer  data)
{
  Fixture *fixture = fixture_data;
  const char * const *label_and_text = data;
  GtkWidget *row = entity_row (fixture, fixture->kessel);

  return row != NULL &&
         g_str_equal (row_label (row, GLOSS_TYPE_ENTITY_ROW, label_and_text[0]), label_and_text[1]);
}

/* Waits until Kessel's row shows @text in its label @label. */
static void
wait_for_kessel_row (Fixture    *fixture,
                     const char *label,
                     const char *text)
{
  const char *label_and_text[] = { label, text };

  ui_test_wait_for (kessel_row_shows, fixture, label_and_text);
}

static gboolean
needle_is (gpointer       fixture_data,
          gconstpointer  data)
{
  Fixture *fixture = fixture_data;
  const char * const *page_and_needle = data;

  return g_strcmp0 (gloss_panel_page_get_needle (get_page (fixture, page_and_needle[0])),
                    page_and_needle[1]) == 0;
}

/* Types @text into the page's search entry and waits for the search. */
static void
search (Fixture    *fixture,
        const char *page,
        const char *text)
{
  g_autofree char *folded = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  const char *page_and_needle[] = { page, folded };

  gtk_editable_set_text (page_child (get_page (fixture, page), "search_entry"), text);
  ui_test_wait_for (needle_is, fixture, page_and_needle);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static AdwMessageDialog *
activate_for_entity (Fixture     *fixture,
                     const char  *action,
                     GlossEntity *entity)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), action, "s",
                                             gloss_entity_get_id (entity)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  return dialog;
}

/* What a click on a response button does: answer, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_drain ();
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gloss_history_undo (gloss_document_get_history (fixture->document)));
  ui_test_drain ();
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (panel_child (fixture, "stack"), name);
  ui_test_drain ();
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *names = listed_entities (fixture);
  AdwViewStackPage *detached = panel_child (fixture, "detached_stack_page");
  GtkWidget *row;

  /* By name, ignoring case: "de Vries" comes first. */
  g_assert_cmpstr (names, ==, "de Vries|Harbour Bridge|Ilse Brandt|Kessel");
  g_assert_cmpuint (n_listed (fixture, "claim_page"), ==, 1);
  g_assert_cmpuint (n_listed (fixture, "note_page"), ==, 1);
  g_assert_cmpuint (n_listed (fixture, "detached_page"), ==, 0);
  g_assert_false (adw_view_stack_page_get_visible (detached));

  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->brandt)), ==, 2);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->kessel)), ==, 2);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->bridge)), ==, 1);

  wait_for_kessel_row (fixture, "count_label", "2");
  row = entity_row (fixture, fixture->kessel);
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ENTITY_ROW, "name_label"), ==, "Kessel");
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ENTITY_ROW, "type_label"), ==, "Place");

  /* A new mention shows in the count without anything else happening. */
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Kessel", 1, "place", fixture->kessel);
  wait_for_kessel_row (fixture, "count_label", "3");
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->kessel)), ==, 3);

  undo (fixture);
  wait_for_kessel_row (fixture, "count_label", "2");
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *claim_row, *note_row, *verdict;
  g_autoptr(GError) error = NULL;

  show_page (fixture, "claims");
  claim_row = annotation_row (fixture, "claim_page", fixture->claim);
  g_assert_nonnull (claim_row);
  g_assert_cmpstr (row_label (claim_row, GLOSS_TYPE_ANNOTATION_ROW, "quote_label"), ==,
                   "“Brandt said the bridge cost 40 million euros.”");
  g_assert_cmpstr (row_label (claim_row, GLOSS_TYPE_ANNOTATION_ROW, "status_label"), ==,
                   gloss_claim_status_get_display_name (GLOSS_CLAIM_UNREVIEWED));
  verdict = row_child (claim_row, GLOSS_TYPE_ANNOTATION_ROW, "verdict_label");
  g_assert_false (gtk_widget_get_visible (verdict));

  /* The row follows the review of its claim. */
  g_assert_true (gloss_document_set_claim_verdict (fixture->document, fixture->claim,
                                                   GLOSS_VERDICT_MOSTLY_FALSE, &error));
  g_assert_no_error (error);
  ui_test_drain ();
  g_assert_cmpstr (row_label (claim_row, GLOSS_TYPE_ANNOTATION_ROW, "verdict_label"), ==,
                   gloss_verdict_get_display_name (GLOSS_VERDICT_MOSTLY_FALSE));
  g_assert_true (gtk_widget_get_visible (verdict));
  g_assert_true (gtk_widget_has_css_class (verdict, "verdict-mostly-false"));

  show_page (fixture, "notes");
  note_row = annotation_row (fixture, "note_page", fixture->note);
  g_assert_nonnull (note_row);
  g_assert_cmpstr (row_label (note_row, GLOSS_TYPE_ANNOTATION_ROW, "note_label"), ==,
                   "Who are these critics?");
  g_assert_cmpstr (row_label (note_row, GLOSS_TYPE_ANNOTATION_ROW, "quote_label"), ==,
                   "“Critics in Kessel called it a waste.”");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *aliases[] = { "Kesselstadt", NULL };
  GtkStack *state = page_child (get_page (fixture, "claim_page"), "state_stack");
  AdwStatusPage *status = page_child (get_page (fixture, "claim_page"), "status_page");
  g_autofree char *names = NULL;

  search (fixture, "entity_page", "BRANDT");
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "Ilse Brandt");

  /* Aliases are searched too. */
  g_assert_true (gloss_document_set_entity_aliases (fixture->document, fixture->kessel, aliases,
                                                    NULL));
  search (fixture, "entity_page", "stadt");
  g_clear_pointer (&names, g_free);
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "Kessel");

  search (fixture, "entity_page", "");
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 4);

  search (fixture, "claim_page", "million");
  g_assert_cmpuint (n_listed (fixture, "claim_page"), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (state), ==, "list");
  search (fixture, "claim_page", "billion");
  g_assert_cmpuint (n_listed (fixture, "claim_page"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (state), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Results Found");

  /* Notes are found by their text as well as by their quote. */
  search (fixture, "note_page", "critics?");
  g_assert_cmpuint (n_listed (fixture, "note_page"), ==, 1);
  search (fixture, "note_page", "waste");
  g_assert_cmpuint (n_listed (fixture, "note_page"), ==, 1);
  search (fixture, "note_page", "bridge");
  g_assert_cmpuint (n_listed (fixture, "note_page"), ==, 0);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GlossPanelPage *page = get_page (fixture, "entity_page");
  AdwStatusPage *status = page_child (page, "status_page");

  g_assert_false (gtk_widget_get_visible (panel_child (fixture, "claim_summary_box")));
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "state_stack")), ==,
                   "status");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Entities Yet");

  /* The first entity replaces the empty state with the list. */
  fixture->kessel = add_entity (fixture, "Kessel", "place");
  ui_test_drain ();
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "state_stack")), ==, "list");

  gloss_side_panel_set_document (fixture->panel, NULL);
  g_assert_null (gloss_side_panel_get_document (fixture->panel));
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Entities Yet");
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.delete-entity", "s",
                              gloss_entity_get_id (fixture->kessel));
  g_assert_null (find_dialog ());
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *annotations = gloss_document_get_annotations (fixture->document);
  guint n_annotations = g_list_model_get_n_items (annotations);
  AdwMessageDialog *dialog;

  dialog = activate_for_entity (fixture, "panel.delete-entity", fixture->kessel);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Delete “Kessel” and its 2 mentions?");
  respond (dialog, "cancel");
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_annotations);

  dialog = activate_for_entity (fixture, "panel.delete-entity", fixture->kessel);
  respond (dialog, "delete");
  g_assert_null (find_dialog ());
  g_assert_null (item_of (fixture, fixture->kessel));
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_annotations - 2);

  undo (fixture);
  g_assert_nonnull (item_of (fixture, fixture->kessel));
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 4);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->kessel)), ==, 2);
  wait_for_kessel_row (fixture, "count_label", "2");
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  GlossEntity *mayor = add_entity (fixture, "Mayor Brandt", "person");
  AdwMessageDialog *dialog;
  GtkDropDown *chooser;
  GListModel *choices;
  g_autofree char *names = NULL;
  guint target = GTK_INVALID_LIST_POSITION;

  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Mayor Brandt", 0, "person", mayor);
  ui_test_drain ();
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 5);

  dialog = activate_for_entity (fixture, "panel.merge-entity", mayor);
  chooser = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  choices = gtk_drop_down_get_model (chooser);

  /* Every entity but the one merged, by name. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (choices, i);

      g_assert_true (gloss_entity_item_get_entity (item) != mayor);
      if (gloss_entity_item_get_entity (item) == fixture->brandt)
        target = i;
    }
  g_assert_cmpuint (target, ==, 2);
  /* "Mayor Brandt" shares no whole name with another entity: nothing is
   * chosen for the user, and Merge waits for a choice. */
  g_assert_cmpuint (gtk_drop_down_get_selected (chooser), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
  gtk_drop_down_set_selected (chooser, target);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
  respond (dialog, "merge");

  g_assert_null (item_of (fixture, mayor));
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 4);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->brandt)), ==, 3);
  g_assert_true (gloss_entity_has_alias (fixture->brandt, "Mayor Brandt"));

  undo (fixture);
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "de Vries|Harbour Bridge|Ilse Brandt|Kessel|Mayor Brandt");
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->brandt)), ==, 2);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, mayor)), ==, 1);
}

/* A name inside another's is offered as the one to merge into. */
static void
test_merge_guess (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkDropDown *chooser;

  dialog = activate_for_entity (fixture, "panel.merge-entity",
                                add_entity (fixture, "brandt", "person"));
  chooser = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (gloss_entity_item_get_entity (gtk_drop_down_get_selected_item (chooser)) ==
                 fixture->brandt);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
  respond (dialog, "cancel");
  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 5);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog, *error_dialog;
  GtkEditable *entry;
  g_autofree char *names = NULL;

  dialog = activate_for_entity (fixture, "panel.rename-entity", fixture->vries);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "de Vries");

  /* A blank name cannot be confirmed from the dialog... */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  /* ...and if it reaches the document anyway, the user is told why. */
  respond (dialog, "rename");
  error_dialog = find_dialog ();
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Could Not Rename Entity");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), "cannot be empty"));
  respond (error_dialog, "close");
  g_assert_cmpstr (gloss_entity_get_name (fixture->vries), ==, "de Vries");

  dialog = activate_for_entity (fixture, "panel.rename-entity", fixture->vries);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Zeeman");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  respond (dialog, "rename");
  g_assert_cmpstr (gloss_entity_get_name (fixture->vries), ==, "Zeeman");

  /* The list is sorted again after the rename. */
  ui_test_drain ();
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "Harbour Bridge|Ilse Brandt|Kessel|Zeeman");

  undo (fixture);
  g_clear_pointer (&names, g_free);
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "de Vries|Harbour Bridge|Ilse Brandt|Kessel");
}

static void
test_retype (Fixture       *fixture,
             gconstpointer  data)
{
  GlossLabel *label;

  wait_for_kessel_row (fixture, "type_label", "Place");

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.set-entity-label", "(ss)",
                              gloss_entity_get_id (fixture->kessel), "organization");
  g_assert_cmpstr (gloss_entity_get_label (fixture->kessel), ==, "organization");
  wait_for_kessel_row (fixture, "type_label", "Organization");
  label = gloss_entity_item_get_label (item_of (fixture, fixture->kessel));
  g_assert_cmpstr (gloss_label_get_id (label), ==, "organization");

  undo (fixture);
  wait_for_kessel_row (fixture, "type_label", "Place");
}

static const char *
visible_page (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (panel_child (fixture, "stack"));
}

static gpointer
selected (Fixture    *fixture,
          const char *page)
{
  return gloss_panel_page_get_selected (get_page (fixture, page));
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  GlossEntityItem *item;

  gloss_side_panel_select_annotation (fixture->panel, fixture->claim);
  g_assert_cmpstr (visible_page (fixture), ==, "claims");
  g_assert_true (selected (fixture, "claim_page") == fixture->claim);

  gloss_side_panel_select_annotation (fixture->panel, fixture->critics_kessel);
  g_assert_cmpstr (visible_page (fixture), ==, "entities");
  item = selected (fixture, "entity_page");
  g_assert_nonnull (item);
  g_assert_true (gloss_entity_item_get_entity (item) == fixture->kessel);

  gloss_side_panel_select_annotation (fixture->panel, fixture->note);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");
  g_assert_true (selected (fixture, "note_page") == fixture->note);

  /* A row hidden by the search is not selected. */
  search (fixture, "claim_page", "billion");
  gloss_side_panel_select_annotation (fixture->panel, fixture->claim);
  g_assert_cmpstr (visible_page (fixture), ==, "claims");
  g_assert_null (selected (fixture, "claim_page"));

  /* Selecting never activates. */
  ui_test_drain ();
  g_assert_cmpuint (fixture->n_activations, ==, 0);
}

static void
activate_row (Fixture    *fixture,
              const char *page,
              guint       position)
{
  GtkWidget *list = page_child (get_page (fixture, page), "list_view");

  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  activate_row (fixture, "entity_page", 3);
  g_assert_cmpuint (fixture->n_activations, ==, 1);
  g_assert_true (fixture->activated_entity == fixture->kessel);

  show_page (fixture, "notes");
  activate_row (fixture, "note_page", 0);
  g_assert_cmpuint (fixture->n_activations, ==, 2);
  g_assert_true (fixture->activated_annotation == fixture->note);

  /* Enter in the search entry goes to the first match. */
  search (fixture, "entity_page", "harbour");
  g_signal_emit_by_name (page_child (get_page (fixture, "entity_page"), "search_entry"),
                         "activate");
  g_assert_cmpuint (fixture->n_activations, ==, 3);
  g_assert_true (fixture->activated_entity == fixture->bridge);
  g_assert_true (gloss_entity_item_get_entity (selected (fixture, "entity_page")) ==
                 fixture->bridge);
}

static gboolean
row_shown (gpointer       fixture_data,
          gconstpointer  data)
{
  Fixture *fixture = fixture_data;
  return annotation_row (fixture, "detached_page", (gpointer) data) != NULL;
}

static gboolean
annotation_gone (gpointer       fixture_data,
                gconstpointer  data)
{
  Fixture *fixture = fixture_data;
  return gloss_document_lookup_annotation (fixture->document, data) == NULL;
}

/* Deletes the last sentence the way an editor reports it: the two
 * annotations in it lose their text, the others keep their place. */
static void
delete_last_sentence (Fixture *fixture)
{
  GListModel *annotations = gloss_document_get_annotations (fixture->document);
  guint n = g_list_model_get_n_items (annotations);
  gint64 cut = offset_of (" Critics in Kessel", 0);
  g_autofree char *text = g_strndup (article_text, cut);
  g_autofree GlossAnnotationRange *ranges = g_new0 (GlossAnnotationRange, n);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = g_list_model_get_item (annotations, i);
      gboolean gone = gloss_annotation_get_start (annotation) >= cut;

      g_ptr_array_add (keep, annotation);
      ranges[i].annotation = annotation;
      ranges[i].start = gone ? cut : gloss_annotation_get_start (annotation);
      ranges[i].end = gone ? cut : gloss_annotation_get_end (annotation);
    }

  gloss_document_set_text (fixture->document, text, ranges, n);
  ui_test_drain ();
}

static void
test_detached (Fixture       *fixture,
               gconstpointer  data)
{
  AdwViewStackPage *stack_page = panel_child (fixture, "detached_stack_page");
  GtkWidget *row;

  delete_last_sentence (fixture);
  g_assert_true (gloss_annotation_is_orphaned (fixture->note));
  g_assert_true (gloss_annotation_is_orphaned (fixture->critics_kessel));

  g_assert_true (adw_view_stack_page_get_visible (stack_page));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 2);
  g_assert_cmpuint (n_listed (fixture, "detached_page"), ==, 2);
  g_assert_cmpuint (n_listed (fixture, "note_page"), ==, 0);
  g_assert_cmpuint (gloss_entity_item_get_n_mentions (item_of (fixture, fixture->kessel)), ==, 1);

  /* Selecting a detached annotation shows it on its own page. */
  gloss_side_panel_select_annotation (fixture->panel, fixture->note);
  g_assert_cmpstr (visible_page (fixture), ==, "detached");
  g_assert_true (selected (fixture, "detached_page") == fixture->note);

  /* Its row says what it was and offers to delete it. */
  ui_test_wait_for (row_shown, fixture, fixture->note);
  row = annotation_row (fixture, "detached_page", fixture->note);
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "kind_label"), ==,
                   gloss_annotation_kind_get_display_name (GLOSS_ANNOTATION_NOTE));
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "note_label"), ==,
                   "Who are these critics?");
  gtk_widget_activate (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "delete_button"));
  ui_test_wait_for (annotation_gone, fixture, gloss_annotation_get_id (fixture->note));
  ui_test_drain ();
  g_assert_cmpuint (n_listed (fixture, "detached_page"), ==, 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 1);
  g_assert_cmpuint (fixture->n_activations, ==, 0);

  undo (fixture);
  g_assert_cmpuint (n_listed (fixture, "detached_page"), ==, 2);
}

static void
test_sort_by_count (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *names = NULL;

  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Kessel", 1, "place", fixture->kessel);
  ui_test_drain ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.entity-sort", "s", "mentions");
  names = listed_entities (fixture);
  /* Most mentioned first; equal counts by name. */
  g_assert_cmpstr (names, ==, "Kessel|Ilse Brandt|de Vries|Harbour Bridge");

  /* A new mention moves an entity up. */
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Harbour", 0, "other", fixture->bridge);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "bridge", 0, "other", fixture->bridge);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Brandt", 2, "other", fixture->bridge);
  ui_test_drain ();
  g_clear_pointer (&names, g_free);
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "Harbour Bridge|Kessel|Ilse Brandt|de Vries");

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.entity-sort", "s", "name");
  g_clear_pointer (&names, g_free);
  names = listed_entities (fixture);
  g_assert_cmpstr (names, ==, "de Vries|Harbour Bridge|Ilse Brandt|Kessel");
}

static GtkPopoverMenu *
find_menu (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return GTK_POPOVER_MENU (child);

  return NULL;
}

static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  GlossPanelPage *page = get_page (fixture, "entity_page");
  GlossEntityItem *item = item_of (fixture, fixture->kessel);
  GtkPopoverMenu *menu;
  GMenuModel *model, *section, *types;
  GListModel *labels;

  g_signal_emit_by_name (page, "menu-requested", item, 20.0, 40.0);
  ui_test_drain ();
  menu = find_menu (GTK_WIDGET (page));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));

  /* Rename, Change Type, Merge Into; then Delete. */
  model = gtk_popover_menu_get_menu_model (menu);
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
  types = g_menu_model_get_item_link (section, 1, G_MENU_LINK_SUBMENU);
  labels = G_LIST_MODEL (gloss_document_get_labels (fixture->document));
  g_assert_cmpint (g_menu_model_get_n_items (types), ==, g_list_model_get_n_items (labels));
  g_object_unref (types);
  g_object_unref (section);

  gtk_popover_popdown (GTK_POPOVER (menu));
  ui_test_drain ();
}

/* Claims */

/* The summary as it reads: the spaces that keep a count on one line
 * are spaces. */
static void
assert_summary (Fixture    *fixture,
                const char *expected)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  g_autofree char *summary = NULL;

  ui_test_drain ();
  text = gtk_label_get_text (panel_child (fixture, "claim_summary"));
  parts = g_strsplit (text, "\u00a0", -1);
  summary = g_strjoinv (" ", parts);
  g_assert_cmpstr (summary, ==, expected);
}

static void
set_status (Fixture          *fixture,
            GlossAnnotation  *claim,
            GlossClaimStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_set_claim_status (fixture->document, claim, status, &error));
  g_assert_no_error (error);
  ui_test_drain ();
}

static void
set_claimant (Fixture         *fixture,
              GlossAnnotation *claim,
              const char      *claimant)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_set_claim_claimant (fixture->document, claim, claimant, &error));
  g_assert_no_error (error);
  ui_test_drain ();
}

static char *
claim_index (Fixture  *fixture,
             gpointer  item)
{
  guint index = 0;

  while (index < G_N_ELEMENTS (fixture->claims) && fixture->claims[index] != item)
    index++;

  return g_strdup_printf ("%u", index);
}

/* The listed claims by their index in fixture->claims, as "1|4". */
static void
assert_claims_listed (Fixture    *fixture,
                      const char *expected)
{
  g_autofree char *claims = NULL;

  ui_test_drain ();
  claims = listed (fixture, "claim_page", claim_index);
  g_assert_cmpstr (claims, ==, expected);
}

/* Picks the entry at @position of a filter drop-down, 0 being "All". */
static void
filter_claims (Fixture    *fixture,
               const char *filter,
               guint       position)
{
  gtk_drop_down_set_selected (panel_child (fixture, filter), position);
  ui_test_drain ();
}

static GlossClaimEditor *
claim_editor (Fixture *fixture)
{
  return panel_child (fixture, "claim_editor");
}

/* The claim in the editor; the editor shows exactly when it has one. */
static GlossAnnotation *
edited_claim (Fixture *fixture)
{
  GlossAnnotation *claim = gloss_claim_editor_get_claim (claim_editor (fixture));
  GtkWidget *pane = panel_child (fixture, "claim_editor_pane");

  g_assert_true (gtk_widget_get_visible (pane) == (claim != NULL));
  return claim;
}

static void
test_claim_summary (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_true (gtk_widget_get_visible (panel_child (fixture, "claim_summary_box")));
  assert_summary (fixture, "1 claim: 1 unreviewed, 0 in review, 0 reviewed");

  set_status (fixture, fixture->claim, GLOSS_CLAIM_IN_REVIEW);
  assert_summary (fixture, "1 claim: 0 unreviewed, 1 in review, 0 reviewed");
  set_status (fixture, fixture->claim, GLOSS_CLAIM_DISMISSED);
  assert_summary (fixture, "1 claim: 0 unreviewed, 0 in review, 0 reviewed, 1 dismissed");

  undo (fixture);
  assert_summary (fixture, "1 claim: 0 unreviewed, 1 in review, 0 reviewed");
  undo (fixture);
  assert_summary (fixture, "1 claim: 1 unreviewed, 0 in review, 0 reviewed");

  add_claims (fixture);
  assert_summary (fixture, "5 claims: 2 unreviewed, 1 in review, 1 reviewed, 1 dismissed");

  /* A claim whose text is gone is counted on the Detached page only. */
  delete_last_sentence (fixture);
  assert_summary (fixture, "4 claims: 1 unreviewed, 1 in review, 1 reviewed, 1 dismissed");

  gloss_side_panel_set_document (fixture->panel, NULL);
  ui_test_drain ();
  g_assert_false (gtk_widget_get_visible (panel_child (fixture, "claim_summary_box")));
}

static void
test_claim_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossPanelPage *page = get_page (fixture, "claim_page");
  AdwStatusPage *status = page_child (page, "status_page");
  GtkDropDown *status_filter = panel_child (fixture, "status_filter");
  GtkDropDown *verdict_filter = panel_child (fixture, "verdict_filter");

  /* "All", then every status; "All", "No verdict", then every verdict. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (status_filter)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (verdict_filter)), ==, 9);
  assert_claims_listed (fixture, "0|1|2|3|4");

  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_UNREVIEWED);
  assert_claims_listed (fixture, "1|4");
  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_DISMISSED);
  assert_claims_listed (fixture, "3");
  filter_claims (fixture, "status_filter", 0);

  filter_claims (fixture, "verdict_filter", 1 + GLOSS_VERDICT_NONE);
  assert_claims_listed (fixture, "1|3");
  filter_claims (fixture, "verdict_filter", 1 + GLOSS_VERDICT_MOSTLY_FALSE);
  assert_claims_listed (fixture, "2");
  filter_claims (fixture, "verdict_filter", 0);
  assert_claims_listed (fixture, "0|1|2|3|4");

  /* The filters and the search narrow the list together. */
  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_UNREVIEWED);
  search (fixture, "claim_page", "kessel");
  assert_claims_listed (fixture, "4");
  search (fixture, "claim_page", "");
  filter_claims (fixture, "verdict_filter", 1 + GLOSS_VERDICT_MISLEADING);
  assert_claims_listed (fixture, "4");
  filter_claims (fixture, "verdict_filter", 1 + GLOSS_VERDICT_TRUE);
  assert_claims_listed (fixture, "");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Results Found");
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "Try a different search or filter");

  filter_claims (fixture, "status_filter", 0);
  filter_claims (fixture, "verdict_filter", 0);
  assert_claims_listed (fixture, "0|1|2|3|4");
}

/* A claim does not vanish under its reviewer when its review no longer
 * matches the filter: it goes when the selection moves on. */
static void
test_claim_filter_keeps_edited (Fixture       *fixture,
                                gconstpointer  data)
{
  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_UNREVIEWED);
  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[1]);
  g_assert_true (edited_claim (fixture) == fixture->claims[1]);

  set_status (fixture, fixture->claims[1], GLOSS_CLAIM_REVIEWED);
  assert_claims_listed (fixture, "1|4");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[1]);
  g_assert_true (edited_claim (fixture) == fixture->claims[1]);

  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[4]);
  assert_claims_listed (fixture, "4");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[4]);
  g_assert_true (edited_claim (fixture) == fixture->claims[4]);

  /* Changing the filter applies it to the edited claim like any other. */
  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_IN_REVIEW);
  assert_claims_listed (fixture, "2");
  g_assert_null (selected (fixture, "claim_page"));
  g_assert_null (edited_claim (fixture));
}

static void
test_claim_sort (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sort = NULL;

  assert_claims_listed (fixture, "0|1|2|3|4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.claim-sort", "s",
                                             "status"));
  g_object_get (fixture->panel, "claim-sort", &sort, NULL);
  g_assert_cmpstr (sort, ==, "status");
  /* Unreviewed, in review, reviewed, dismissed; in the article's order
   * within each. */
  assert_claims_listed (fixture, "1|4|2|0|3");

  /* A claim moves with its review and stays selected. */
  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[4]);
  set_status (fixture, fixture->claims[4], GLOSS_CLAIM_REVIEWED);
  assert_claims_listed (fixture, "1|2|0|4|3");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[4]);
  g_assert_true (edited_claim (fixture) == fixture->claims[4]);

  undo (fixture);
  assert_claims_listed (fixture, "1|4|2|0|3");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[4]);

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.claim-sort", "s", "position");
  assert_claims_listed (fixture, "0|1|2|3|4");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[4]);
}

static void
test_claim_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSingleSelection *selection = gloss_panel_page_get_selection (get_page (fixture, "claim_page"));
  GtkTextView *note;
  g_autoptr(GError) error = NULL;

  show_page (fixture, "claims");
  g_assert_null (edited_claim (fixture));

  gtk_single_selection_set_selected (selection, 2);
  g_assert_true (edited_claim (fixture) == fixture->claims[2]);
  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[0]);
  g_assert_true (edited_claim (fixture) == fixture->claims[0]);

  /* What was typed is saved as the selection moves on, without
   * waiting for a pause in the typing. */
  note = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (claim_editor (fixture)),
                                                       GLOSS_TYPE_CLAIM_EDITOR, "note_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Opening date checked", -1);
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claims[0]), !=, "Opening date checked");
  gtk_single_selection_set_selected (selection, 3);
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claims[0]), ==, "Opening date checked");
  g_assert_true (edited_claim (fixture) == fixture->claims[3]);

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_assert_null (edited_claim (fixture));

  /* The editor goes with its claim. */
  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[2]);
  g_assert_true (edited_claim (fixture) == fixture->claims[2]);
  g_assert_true (gloss_document_remove_annotation (fixture->document, fixture->claims[2], &error));
  g_assert_no_error (error);
  ui_test_drain ();
  g_assert_null (edited_claim (fixture));
  assert_claims_listed (fixture, "0|1|3|4");
}

/* A claim whose text is placed again leaves the list and comes back:
 * its row stays selected and its editor open. */
static void
test_claim_moved (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossAnnotation *claim = fixture->claims[1];
  g_autoptr(GError) error = NULL;

  gloss_side_panel_select_annotation (fixture->panel, claim);
  g_assert_true (gloss_document_set_annotation_range (fixture->document, claim,
                                                      gloss_annotation_get_start (claim),
                                                      gloss_annotation_get_end (claim) - 1,
                                                      &error));
  g_assert_no_error (error);
  ui_test_drain ();
  g_assert_cmpstr (gloss_annotation_get_quote (claim), ==,
                   "Brandt said the bridge cost 40 million euros");
  g_assert_true (selected (fixture, "claim_page") == claim);
  g_assert_true (edited_claim (fixture) == claim);

  undo (fixture);
  g_assert_true (selected (fixture, "claim_page") == claim);
  g_assert_true (edited_claim (fixture) == claim);
}

static gboolean
focus_in_editor (gpointer       fixture_data,
                gconstpointer  data)
{
  Fixture *fixture = fixture_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (claim_editor (fixture)));
}

static void
test_edit_claim (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_cmpstr (visible_page (fixture), ==, "entities");
  search (fixture, "claim_page", "nothing like this");
  filter_claims (fixture, "status_filter", 1 + GLOSS_CLAIM_DISMISSED);
  assert_claims_listed (fixture, "");

  /* The claim is shown even where the search and filters hide it. */
  gloss_side_panel_edit_claim (fixture->panel, fixture->claims[1]);
  g_assert_cmpstr (visible_page (fixture), ==, "claims");
  assert_claims_listed (fixture, "1");
  g_assert_true (selected (fixture, "claim_page") == fixture->claims[1]);
  g_assert_true (edited_claim (fixture) == fixture->claims[1]);
  ui_test_wait_for (focus_in_editor, fixture, NULL);

  /* The next one takes its place. */
  gloss_side_panel_edit_claim (fixture->panel, fixture->claims[4]);
  assert_claims_listed (fixture, "4");
  g_assert_true (edited_claim (fixture) == fixture->claims[4]);
  g_assert_true (focus_in_editor (fixture, NULL));

  /* Selecting a claim the search hides does not open the editor. */
  gloss_side_panel_select_annotation (fixture->panel, fixture->claims[0]);
  g_assert_null (selected (fixture, "claim_page"));
  g_assert_null (edited_claim (fixture));
  g_assert_cmpuint (fixture->n_activations, ==, 0);
}

static void
test_claim_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  set_claimant (fixture, fixture->claims[1], gloss_entity_get_id (fixture->brandt));
  set_claimant (fixture, fixture->claims[3], "A spokesperson");
  show_page (fixture, "claims");

  /* An entity id shows as the entity's name, and follows it. */
  row = annotation_row (fixture, "claim_page", fixture->claims[1]);
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "claimant_label"), ==, "Ilse Brandt");
  g_assert_true (gtk_widget_get_visible (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "claimant_box")));
  g_assert_true (gloss_document_rename_entity (fixture->document, fixture->brandt, "Ilse Brandt-Maas",
                                               &error));
  g_assert_no_error (error);
  ui_test_drain ();
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "claimant_label"), ==,
                   "Ilse Brandt-Maas");

  row = annotation_row (fixture, "claim_page", fixture->claims[3]);
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "claimant_label"), ==,
                   "A spokesperson");
  g_assert_true (gtk_widget_has_css_class (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "status_label"),
                                           "status-dismissed"));

  row = annotation_row (fixture, "claim_page", fixture->claims[2]);
  g_assert_false (gtk_widget_get_visible (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "claimant_box")));
  g_assert_true (gtk_widget_has_css_class (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "status_label"),
                                           "status-in-review"));
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "verdict_label"), ==,
                   gloss_verdict_get_display_name (GLOSS_VERDICT_MOSTLY_FALSE));

  /* The search finds a claim by its claimant's name. */
  search (fixture, "claim_page", "maas");
  assert_claims_listed (fixture, "1");
  search (fixture, "claim_page", "spokes");
  assert_claims_listed (fixture, "3");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, filled) \
  g_test_add ("/gloss/ui/side-panel/" path, Fixture, (filled) ? "filled" : NULL, \
              fixture_set_up, func, fixture_tear_down)
#define ADD_CLAIMS(path, func, set_up) \
  g_test_add ("/gloss/ui/side-panel/" path, Fixture, set_up, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("lists", test_lists, TRUE);
  ADD ("rows", test_rows, TRUE);
  ADD ("search", test_search, TRUE);
  ADD ("empty", test_empty, FALSE);
  ADD ("delete", test_delete, TRUE);
  ADD ("merge", test_merge, TRUE);
  ADD ("merge-guess", test_merge_guess, TRUE);
  ADD ("rename", test_rename, TRUE);
  ADD ("retype", test_retype, TRUE);
  ADD ("select", test_select, TRUE);
  ADD ("activate", test_activate, TRUE);
  ADD ("detached", test_detached, TRUE);
  ADD ("sort-by-count", test_sort_by_count, TRUE);
  ADD ("menu", test_menu, TRUE);
  ADD_CLAIMS ("claims/summary", test_claim_summary, "filled");
  ADD_CLAIMS ("claims/filters", test_claim_filters, "claims");
  ADD_CLAIMS ("claims/filter-keeps-edited", test_claim_filter_keeps_edited, "claims");
  ADD_CLAIMS ("claims/sort", test_claim_sort, "claims");
  ADD_CLAIMS ("claims/editor", test_claim_editor, "claims");
  ADD_CLAIMS ("claims/moved", test_claim_moved, "claims");
  ADD_CLAIMS ("claims/edit-claim", test_edit_claim, "claims");
  ADD_CLAIMS ("claims/rows", test_claim_rows, "claims");

  return g_test_run ();
}
