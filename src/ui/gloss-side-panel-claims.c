/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-side-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-side-panel-private.h"
#include "gloss-span-style.h"

/* The Claims page: a summary of the review with a bar of the claims by
 * status, the claims filtered by status, verdict and search and sorted
 * by position or status, and the editor of the selected claim.
 *
 * The claim in the editor stays listed while its own review changes,
 * even when it no longer matches the filters: it would otherwise vanish
 * under the reviewer, taking the editor with it. It goes once the
 * selection moves on, or when the user changes the search or filters. */

/* Finished claims first, so the bar fills from the start as the review
 * goes on. */
static const GlossClaimStatus progress_order[] = {
  GLOSS_CLAIM_REVIEWED, GLOSS_CLAIM_DISMISSED, GLOSS_CLAIM_IN_REVIEW, GLOSS_CLAIM_UNREVIEWED,
};

#define PROGRESS_GAP 2.0

/* Filtering and sorting */

/* Position 0 of each drop-down shows every claim; the others are the
 * values of the enum, shifted by one. */
static gboolean
filter_accepts (GtkDropDown *filter,
                guint        value)
{
  guint selected = gtk_drop_down_get_selected (filter);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected - 1 == value;
}

static const char *
gloss_side_panel_claimant_name (GlossSidePanel  *self,
                                GlossAnnotation *claim)
{
  const char *claimant = gloss_annotation_get_claimant (claim);
  GlossEntity *entity = NULL;

  if (claimant != NULL && self->document != NULL)
    entity = gloss_document_lookup_entity (self->document, claimant);

  return entity != NULL ? gloss_entity_get_name (entity) : claimant;
}

static gboolean
claim_text_matches (GlossSidePanel  *self,
                    GlossAnnotation *claim)
{
  const char *needle = gloss_panel_page_get_needle (self->claim_page);

  return gloss_panel_page_text_matches (gloss_annotation_get_quote (claim), needle) ||
         gloss_panel_page_text_matches (gloss_annotation_get_note (claim), needle) ||
         gloss_panel_page_text_matches (gloss_side_panel_claimant_name (self, claim), needle);
}

static gboolean
claim_matches (GlossSidePanel  *self,
               GlossAnnotation *claim)
{
  return filter_accepts (self->status_filter, gloss_annotation_get_status (claim)) &&
         filter_accepts (self->verdict_filter, gloss_annotation_get_verdict (claim)) &&
         claim_text_matches (self, claim);
}

static gboolean
claim_filter_func (gpointer item,
                   gpointer user_data)
{
  GlossSidePanel *self = user_data;
  GlossAnnotation *claim = item;

  if (gloss_annotation_get_kind (claim) != GLOSS_ANNOTATION_CLAIM ||
      gloss_annotation_is_orphaned (claim))
    return FALSE;

  if (!self->strict_claim_filter && claim == gloss_claim_editor_get_claim (self->claim_editor))
    return TRUE;

  return claim_matches (self, claim);
}

/* Unreviewed first, then in review, reviewed and dismissed: the order of
 * the enum. Ties keep the order of the article. */
static int
claim_status_compare (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GlossAnnotation *claim_a = (GlossAnnotation *) a;
  GlossAnnotation *claim_b = (GlossAnnotation *) b;
  int diff = (int) gloss_annotation_get_status (claim_a) - (int) gloss_annotation_get_status (claim_b);

  if (diff == 0)
    diff = gloss_annotation_compare (claim_a, claim_b);

  return gtk_ordering_from_cmpfunc (diff);
}

static gboolean
gloss_side_panel_sorts_claims_by_status (GlossSidePanel *self)
{
  return g_strcmp0 (self->claim_sort, "status") == 0;
}

/**
 * gloss_side_panel_refilter_claims:
 * @strict: whether the claim in the editor must match like any other
 *
 * Filters the claims again; strictly after the user changed the search
 * or a filter.
 */
void
gloss_side_panel_refilter_claims (GlossSidePanel *self,
                                  gboolean        strict)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->claims);

  self->strict_claim_filter = strict;
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  self->strict_claim_filter = FALSE;
}

/* Called after annotations changed: a claim's review or text may have. */
void
gloss_side_panel_refresh_claims (GlossSidePanel *self)
{
  gloss_side_panel_refilter_claims (self, FALSE);
  if (gloss_side_panel_sorts_claims_by_status (self))
    gtk_sorter_changed (self->claim_status_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * gloss_side_panel_set_claim_sort:
 * @sort: "position" (the order of the article) or "status"
 *
 * Returns: whether the order changed
 */
gboolean
gloss_side_panel_set_claim_sort (GlossSidePanel *self,
                                 const char     *sort)
{
  if (g_strcmp0 (sort, "position") != 0 && g_strcmp0 (sort, "status") != 0)
    {
      g_warning ("Unknown claim order “%s”", sort);
      return FALSE;
    }

  if (g_strcmp0 (self->claim_sort, sort) == 0)
    return FALSE;

  g_free (self->claim_sort);
  self->claim_sort = g_strdup (sort);
  gtk_sort_list_model_set_sorter (self->claims_sorted,
                                  gloss_side_panel_sorts_claims_by_status (self)
                                    ? self->claim_status_sorter : NULL);
  return TRUE;
}

/* The summary */

/* Takes @count; its words are kept on one line when the summary wraps. */
static void
add_count (GPtrArray *parts,
           char      *count)
{
  g_auto(GStrv) words = g_strsplit (count, " ", -1);

  g_ptr_array_add (parts, g_strjoinv ("\u00a0", words));
  g_free (count);
}

static guint
count_claims (const guint *n_claims)
{
  guint total = 0;

  for (guint i = GLOSS_CLAIM_UNREVIEWED; i <= GLOSS_CLAIM_DISMISSED; i++)
    total += n_claims[i];

  return total;
}

static char *
format_status_counts (const guint *n_claims)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  /* Translators: the counts of claims by status, parts of “4 unreviewed,
   * 3 in review, 5 reviewed, 1 dismissed” */
  n = n_claims[GLOSS_CLAIM_UNREVIEWED];
  add_count (parts, g_strdup_printf (ngettext ("%u unreviewed", "%u unreviewed", n), n));
  n = n_claims[GLOSS_CLAIM_IN_REVIEW];
  add_count (parts, g_strdup_printf (ngettext ("%u in review", "%u in review", n), n));
  n = n_claims[GLOSS_CLAIM_REVIEWED];
  add_count (parts, g_strdup_printf (ngettext ("%u reviewed", "%u reviewed", n), n));
  n = n_claims[GLOSS_CLAIM_DISMISSED];
  if (n > 0)
    add_count (parts, g_strdup_printf (ngettext ("%u dismissed", "%u dismissed", n), n));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the counts of claims by status, “4 unreviewed, 3 in review” */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* “12 claims: 4 unreviewed, 3 in review, 5 reviewed”, the number of
 * claims in bold. */
static void
gloss_side_panel_show_summary (GlossSidePanel *self,
                               const guint    *n_claims)
{
  guint total = count_claims (n_claims);
  g_autofree char *head = g_strdup_printf (ngettext ("%u claim", "%u claims", total), total);
  g_autofree char *counts = format_status_counts (n_claims);
  g_autofree char *summary = NULL;
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  const char *at;

  /* Translators: the review of an article's claims, “12 claims: 4 unreviewed,
   * 3 in review, 5 reviewed”; the first %s is the number of claims, the
   * second their counts by status */
  summary = g_strdup_printf (_("%s: %s"), head, counts);
  at = strstr (summary, head);
  bold->start_index = at != NULL ? at - summary : 0;
  bold->end_index = at != NULL ? bold->start_index + strlen (head) : 0;
  pango_attr_list_insert (attributes, bold);

  gtk_label_set_label (self->claim_summary, summary);
  gtk_label_set_attributes (self->claim_summary, attributes);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height)
{
  double radius = height / 2.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, radius, radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
gloss_side_panel_draw_claim_progress (GtkDrawingArea *area,
                                      cairo_t        *cr,
                                      int             width,
                                      int             height,
                                      gpointer        user_data)
{
  GlossSidePanel *self = user_data;
  guint total = count_claims (self->n_claims);
  guint drawn = 0;
  double x = 0;

  if (total == 0)
    return;

  rounded_rectangle (cr, width, height);
  cairo_clip (cr);
  for (guint i = 0; i < G_N_ELEMENTS (progress_order); i++)
    {
      guint n = self->n_claims[progress_order[i]];
      double w = width * (double) n / total;
      GdkRGBA color;

      if (n == 0)
        continue;

      drawn += n;
      gloss_span_style_get_status_color (progress_order[i], &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, x, 0, drawn < total ? MAX (w - PROGRESS_GAP, 1.0) : w, height);
      cairo_fill (cr);
      x += w;
    }
}

/**
 * gloss_side_panel_set_claim_counts:
 * @n_claims: how many claims placed in the text have each status
 */
void
gloss_side_panel_set_claim_counts (GlossSidePanel *self,
                                   const guint    *n_claims)
{
  memcpy (self->n_claims, n_claims, sizeof self->n_claims);
  gloss_side_panel_show_summary (self, n_claims);
  gtk_widget_set_visible (self->claim_summary_box, count_claims (n_claims) > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->claim_progress));
}

/* The editor */

/* Saves what was typed for the claim shown before. A claim that was
 * listed only because it was in the editor leaves the list. */
static void
gloss_side_panel_show_claim (GlossSidePanel  *self,
                             GlossAnnotation *claim)
{
  GlossAnnotation *shown = gloss_claim_editor_get_claim (self->claim_editor);
  GtkAdjustment *scroll;
  gboolean was_kept;

  if (claim == shown)
    return;

  gloss_claim_editor_commit (self->claim_editor);
  was_kept = shown != NULL && !claim_matches (self, shown);
  gloss_claim_editor_set_claim (self->claim_editor, claim != NULL ? self->document : NULL, claim);
  gtk_widget_set_visible (self->claim_editor_pane, claim != NULL);

  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->claim_editor_window));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll));
  if (was_kept)
    gloss_side_panel_refilter_claims (self, FALSE);
}

/* Whether @annotation is in the document's list, which it leaves
 * before its id is forgotten. */
static gboolean
gloss_side_panel_has_annotation (GlossSidePanel  *self,
                                 GlossAnnotation *annotation)
{
  return self->document != NULL &&
         gloss_document_find_annotation_position (self->document, annotation, NULL);
}

static gboolean
gloss_side_panel_reselect_claim_cb (gpointer user_data)
{
  GlossSidePanel *self = user_data;
  GlossAnnotation *shown = gloss_claim_editor_get_claim (self->claim_editor);

  self->reselect_id = 0;
  if (shown != NULL && gloss_side_panel_has_annotation (self, shown) &&
      gloss_panel_page_get_selected (self->claim_page) == NULL)
    gloss_panel_page_select_item (self->claim_page, shown);
  gloss_side_panel_show_claim (self, gloss_panel_page_get_selected (self->claim_page));

  return G_SOURCE_REMOVE;
}

/* The editor follows the selection, with two exceptions. Another row
 * leaving the list (a claim that was kept for the editor, while
 * gloss_side_panel_edit_claim() moves on) does not close it. A claim
 * whose text moves is taken out of the document's list and put back:
 * it keeps its row and editor once it is back. */
static void
gloss_side_panel_claim_selected_cb (GlossSidePanel *self)
{
  GlossAnnotation *selected = gloss_panel_page_get_selected (self->claim_page);
  GlossAnnotation *shown = gloss_claim_editor_get_claim (self->claim_editor);
  g_autoptr(GlossAnnotation) previous = g_steal_pointer (&self->selected_claim);

  g_set_object (&self->selected_claim, selected);
  if (selected == NULL && previous != shown)
    return;

  if (selected == NULL && shown != NULL && !gloss_side_panel_has_annotation (self, shown))
    {
      if (self->reselect_id == 0)
        self->reselect_id = g_idle_add (gloss_side_panel_reselect_claim_cb, self);
      return;
    }

  gloss_side_panel_show_claim (self, selected);
}

static void
gloss_side_panel_claim_filter_changed_cb (GlossSidePanel *self)
{
  if (self->claims != NULL)
    gloss_side_panel_refilter_claims (self, TRUE);
}

static void
gloss_side_panel_claim_edit_failed_cb (GlossSidePanel *self,
                                       const GError   *error)
{
  gloss_side_panel_show_error (self, _("Could Not Change Claim"), error);
}

static void
gloss_side_panel_focus_claim_editor (GlossSidePanel *self)
{
  GtkWidget *editor = GTK_WIDGET (self->claim_editor);
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, editor))
    return;

  gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD);
}

/* Before the panel shows another document: what was typed for the old
 * one is saved to it. */
void
gloss_side_panel_close_claim_editor (GlossSidePanel *self)
{
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  gloss_side_panel_show_claim (self, NULL);
}

/* Setting up */

void
gloss_side_panel_class_add_claims (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claims_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_summary_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_summary);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_progress);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, status_filter);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, verdict_filter);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_editor_pane);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_editor_window);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_editor);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_claim_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_claim_edit_failed_cb);

  gtk_widget_class_install_property_action (widget_class, "panel.claim-sort", "claim-sort");
}

static GListModel *
status_filter_model (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All statuses"));
  for (guint i = GLOSS_CLAIM_UNREVIEWED; i <= GLOSS_CLAIM_DISMISSED; i++)
    gtk_string_list_append (names, gloss_claim_status_get_display_name (i));

  return G_LIST_MODEL (names);
}

static GListModel *
verdict_filter_model (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All verdicts"));
  for (guint i = GLOSS_VERDICT_NONE; i <= GLOSS_VERDICT_UNVERIFIABLE; i++)
    gtk_string_list_append (names, gloss_verdict_get_display_name (i));

  return G_LIST_MODEL (names);
}

void
gloss_side_panel_init_claims (GlossSidePanel *self)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (claim_filter_func, self, NULL);
  g_autoptr(GListModel) statuses = status_filter_model ();
  g_autoptr(GListModel) verdicts = verdict_filter_model ();

  self->claim_status_sorter = GTK_SORTER (gtk_custom_sorter_new (claim_status_compare, NULL, NULL));
  self->claims = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  self->claims_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)), NULL);

  gtk_drop_down_set_model (self->status_filter, statuses);
  gtk_drop_down_set_model (self->verdict_filter, verdicts);
  gtk_drawing_area_set_draw_func (self->claim_progress, gloss_side_panel_draw_claim_progress,
                                  self, NULL);

  gloss_panel_page_set_model (self->claim_page, G_LIST_MODEL (self->claims_sorted));
  g_signal_connect_object (gloss_panel_page_get_selection (self->claim_page), "notify::selected-item",
                           G_CALLBACK (gloss_side_panel_claim_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Before the models go: emptying them must not send the editor's last
 * edit to a document being closed. */
void
gloss_side_panel_dispose_claims (GlossSidePanel *self)
{
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  g_clear_object (&self->selected_claim);
  if (self->claims == NULL)
    return;

  g_signal_handlers_disconnect_by_func (gloss_panel_page_get_selection (self->claim_page),
                                        gloss_side_panel_claim_selected_cb, self);
  gtk_filter_list_model_set_model (self->claims, NULL);
  g_clear_object (&self->claims_sorted);
  g_clear_object (&self->claims);
  g_clear_object (&self->claim_status_sorter);
}

/**
 * gloss_side_panel_edit_claim:
 * @claim: a claim of the document
 *
 * Shows the Claims page with @claim selected, even if the search or the
 * filters would hide it, and moves the keyboard focus into its editor.
 * A detached claim is selected on the Detached page instead.
 */
void
gloss_side_panel_edit_claim (GlossSidePanel  *self,
                             GlossAnnotation *claim)
{
  g_return_if_fail (GLOSS_IS_SIDE_PANEL (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (claim));
  g_return_if_fail (gloss_annotation_get_kind (claim) == GLOSS_ANNOTATION_CLAIM);

  if (self->document == NULL ||
      gloss_document_lookup_annotation (self->document, gloss_annotation_get_id (claim)) != claim)
    return;

  if (gloss_annotation_is_orphaned (claim))
    {
      gloss_side_panel_select_annotation (self, claim);
      return;
    }

  adw_view_stack_set_visible_child (self->stack, self->claims_box);
  gloss_side_panel_show_claim (self, claim);
  gloss_side_panel_refilter_claims (self, FALSE);
  gloss_panel_page_select_item (self->claim_page, claim);
  gloss_side_panel_focus_claim_editor (self);
}

/**
 * gloss_side_panel_commit_edits:
 *
 * Saves what was typed in the claim editor and not saved yet (a note is
 * saved after a pause in typing); for a caller about to save the
 * document.
 */
void
gloss_side_panel_commit_edits (GlossSidePanel *self)
{
  g_return_if_fail (GLOSS_IS_SIDE_PANEL (self));

  gloss_claim_editor_commit (self->claim_editor);
}
