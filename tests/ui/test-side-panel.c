/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-row.h"
#include "gloss-entity-item.h"
#include "gloss-entity-row.h"
#include "gloss-panel-page.h"
#include "gloss-side-panel.h"

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
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

/* Runs the main loop until @condition holds; fails after five seconds. */
static void
wait_for (Fixture       *fixture,
          Condition      condition,
          gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
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

  fixture->panel = GLOSS_SIDE_PANEL (gloss_side_panel_new ());
  g_signal_connect (fixture->panel, "entity-activated", G_CALLBACK (entity_activated_cb), fixture);
  g_signal_connect (fixture->panel, "annotation-activated", G_CALLBACK (annotation_activated_cb),
                    fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  gloss_side_panel_set_document (fixture->panel, fixture->document);
  drain ();
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
  drain ();
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

/* The names of the listed entities, in order, joined by "|". */
static char *
listed_entities (Fixture *fixture)
{
  GListModel *model = page_model (fixture, "entity_page");
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", gloss_entity_item_get_name (item));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
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
kessel_row_shows (Fixture       *fixture,
                  gconstpointer  data)
{
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

  wait_for (fixture, kessel_row_shows, label_and_text);
}

static gboolean
needle_is (Fixture       *fixture,
           gconstpointer  data)
{
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
  wait_for (fixture, needle_is, page_and_needle);
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
  drain ();
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gloss_history_undo (gloss_document_get_history (fixture->document)));
  drain ();
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (panel_child (fixture, "stack"), name);
  drain ();
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
  drain ();
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

  g_assert_cmpuint (n_listed (fixture, "entity_page"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "state_stack")), ==,
                   "status");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Entities Yet");

  /* The first entity replaces the empty state with the list. */
  fixture->kessel = add_entity (fixture, "Kessel", "place");
  drain ();
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
  drain ();
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
  drain ();
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
  drain ();
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
row_shown (Fixture       *fixture,
           gconstpointer  data)
{
  return annotation_row (fixture, "detached_page", (gpointer) data) != NULL;
}

static gboolean
annotation_gone (Fixture       *fixture,
                 gconstpointer  data)
{
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
  drain ();
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
  wait_for (fixture, row_shown, fixture->note);
  row = annotation_row (fixture, "detached_page", fixture->note);
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "kind_label"), ==,
                   gloss_annotation_kind_get_display_name (GLOSS_ANNOTATION_NOTE));
  g_assert_cmpstr (row_label (row, GLOSS_TYPE_ANNOTATION_ROW, "note_label"), ==,
                   "Who are these critics?");
  gtk_widget_activate (row_child (row, GLOSS_TYPE_ANNOTATION_ROW, "delete_button"));
  wait_for (fixture, annotation_gone, gloss_annotation_get_id (fixture->note));
  drain ();
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
  drain ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.entity-sort", "s", "mentions");
  names = listed_entities (fixture);
  /* Most mentioned first; equal counts by name. */
  g_assert_cmpstr (names, ==, "Kessel|Ilse Brandt|de Vries|Harbour Bridge");

  /* A new mention moves an entity up. */
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Harbour", 0, "other", fixture->bridge);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "bridge", 0, "other", fixture->bridge);
  add_span (fixture, GLOSS_ANNOTATION_ENTITY, "Brandt", 2, "other", fixture->bridge);
  drain ();
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
  drain ();
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
  drain ();
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

  return g_test_run ();
}
