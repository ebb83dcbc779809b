/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-side-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-side-panel-private.h"
#include "gloss-annotation-row.h"
#include "gloss-entity-row.h"

/**
 * GlossSidePanel:
 *
 * The panel beside the article: its entities (with their type and
 * mention count), its claims (with the progress of their review, filters
 * and an editor for the selected one, see gloss-side-panel-claims.c),
 * its notes, and the annotations whose text is gone ("detached"), each
 * list searchable.
 *
 * The lists are list models over the document's own: filtered views of
 * its annotations, and one #GlossEntityItem per entity. Mention counts,
 * claim counts and the detached count are taken again in an idle after
 * the annotations change, so a burst of changes costs one pass.
 */

typedef enum
{
  REFRESH_COUNTS      = 1 << 0,
  REFRESH_ANNOTATIONS = 1 << 1,
} RefreshFlags;

typedef struct
{
  guint n_kind[GLOSS_ANNOTATION_NOTE + 1];
  guint n_claims[GLOSS_CLAIM_DISMISSED + 1];
  guint n_detached;
} Tally;

G_DEFINE_FINAL_TYPE (GlossSidePanel, gloss_side_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ENTITY_SORT,
  PROP_CLAIM_SORT,
  N_PROPS
};

enum {
  ENTITY_ACTIVATED,
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
annotation_text_matches (GlossAnnotation *annotation,
                         GlossPanelPage  *page)
{
  const char *needle = gloss_panel_page_get_needle (page);

  return gloss_panel_page_text_matches (gloss_annotation_get_quote (annotation), needle) ||
         gloss_panel_page_text_matches (gloss_annotation_get_note (annotation), needle);
}

static gboolean
attached_of_kind (GlossAnnotation     *annotation,
                  GlossAnnotationKind  kind)
{
  return gloss_annotation_get_kind (annotation) == kind &&
         !gloss_annotation_is_orphaned (annotation);
}

static gboolean
note_filter_func (gpointer item,
                  gpointer user_data)
{
  GlossSidePanel *self = user_data;

  return attached_of_kind (item, GLOSS_ANNOTATION_NOTE) &&
         annotation_text_matches (item, self->note_page);
}

static gboolean
detached_filter_func (gpointer item,
                      gpointer user_data)
{
  GlossSidePanel *self = user_data;

  return gloss_annotation_is_orphaned (item) && annotation_text_matches (item, self->detached_page);
}

static gboolean
entity_filter_func (gpointer item,
                    gpointer user_data)
{
  GlossSidePanel *self = user_data;
  const char *needle = gloss_panel_page_get_needle (self->entity_page);
  GlossEntity *entity = gloss_entity_item_get_entity (item);
  const char * const *aliases = gloss_entity_get_aliases (entity);

  if (gloss_panel_page_text_matches (gloss_entity_get_name (entity), needle))
    return TRUE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (gloss_panel_page_text_matches (aliases[i], needle))
      return TRUE;

  return FALSE;
}

static void
filter_changed (GtkFilterListModel *model)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (model), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
gloss_side_panel_sorts_by_count (GlossSidePanel *self)
{
  return g_strcmp0 (self->entity_sort, "mentions") == 0;
}

static void
gloss_side_panel_set_totals (GlossSidePanel *self,
                             const Tally    *tally)
{
  guint n_entities = g_list_model_get_n_items (G_LIST_MODEL (self->entity_items));

  gloss_panel_page_set_n_total (self->entity_page, n_entities);
  gloss_panel_page_set_n_total (self->claim_page, tally->n_kind[GLOSS_ANNOTATION_CLAIM]);
  gloss_panel_page_set_n_total (self->note_page, tally->n_kind[GLOSS_ANNOTATION_NOTE]);
  gloss_panel_page_set_n_total (self->detached_page, tally->n_detached);
  adw_view_stack_page_set_badge_number (self->detached_stack_page, tally->n_detached);
  adw_view_stack_page_set_visible (self->detached_stack_page, tally->n_detached > 0);
  gloss_side_panel_set_claim_counts (self, tally->n_claims);
}

/* An item whose name, aliases or count changed goes out of the list and
 * back in, at the same place: the sort model keeps the sort key it took
 * when the item came in, and would not move it otherwise. */
static void
gloss_side_panel_resort_item (GlossSidePanel  *self,
                              guint            position,
                              GlossEntityItem *item)
{
  g_list_store_splice (self->entity_items, position, 1, (gpointer *) &item, 1);
}

/* One pass over the annotations: mentions per entity id (those placed
 * in the text; detached ones are listed on their own page), the number
 * of each kind and of claims in each review status. */
static GHashTable *
gloss_side_panel_tally (GlossSidePanel *self,
                        Tally          *tally)
{
  GHashTable *mentions = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotations = gloss_document_get_annotations (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
      const char *entity = gloss_annotation_get_entity (annotation);

      if (gloss_annotation_is_orphaned (annotation))
        {
          tally->n_detached++;
          continue;
        }

      tally->n_kind[kind]++;
      if (kind == GLOSS_ANNOTATION_CLAIM)
        tally->n_claims[gloss_annotation_get_status (annotation)]++;
      if (kind == GLOSS_ANNOTATION_ENTITY && entity != NULL)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (mentions, entity));

          g_hash_table_insert (mentions, (gpointer) entity, GUINT_TO_POINTER (count + 1));
        }
    }

  return mentions;
}

static void
gloss_side_panel_count (GlossSidePanel *self)
{
  GListModel *items = G_LIST_MODEL (self->entity_items);
  g_autoptr(GHashTable) mentions = NULL;
  Tally tally = { { 0, }, };

  if (self->document == NULL)
    {
      gloss_side_panel_set_totals (self, &tally);
      return;
    }

  mentions = gloss_side_panel_tally (self, &tally);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (items, i);
      const char *id = gloss_entity_get_id (gloss_entity_item_get_entity (item));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (mentions, id));

      if (count == gloss_entity_item_get_n_mentions (item))
        continue;

      gloss_entity_item_set_n_mentions (item, count);
      if (gloss_side_panel_sorts_by_count (self))
        gloss_side_panel_resort_item (self, i, item);
    }

  gloss_side_panel_set_totals (self, &tally);
}

static void
gloss_side_panel_refresh (GlossSidePanel *self,
                          guint           flags)
{
  if (flags & REFRESH_ANNOTATIONS)
    {
      gloss_side_panel_refresh_claims (self);
      filter_changed (self->notes);
      filter_changed (self->detached);
    }

  if (flags & REFRESH_COUNTS)
    gloss_side_panel_count (self);
}

static gboolean
gloss_side_panel_refresh_cb (gpointer user_data)
{
  GlossSidePanel *self = user_data;
  guint flags = self->refresh_flags;

  self->refresh_id = 0;
  self->refresh_flags = 0;
  gloss_side_panel_refresh (self, flags);

  return G_SOURCE_REMOVE;
}

/* Before layout and drawing, so the panel never shows stale counts. */
static void
gloss_side_panel_queue_refresh (GlossSidePanel *self,
                                guint           flags)
{
  self->refresh_flags |= flags;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, gloss_side_panel_refresh_cb,
                                        self, NULL);
}

static void
gloss_side_panel_flush_refresh (GlossSidePanel *self)
{
  if (self->refresh_id == 0)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gloss_side_panel_refresh_cb (self);
}

static void
gloss_side_panel_entity_item_changed_cb (GlossSidePanel  *self,
                                    GParamSpec      *pspec,
                                    GlossEntityItem *item)
{
  guint position;

  if (g_list_store_find (self->entity_items, item, &position))
    gloss_side_panel_resort_item (self, position, item);
}

static void
gloss_side_panel_entities_changed_cb (GlossSidePanel *self,
                                      guint           position,
                                      guint           removed,
                                      guint           added,
                                      GListModel     *model)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (added, g_object_unref);
  GlossLabelSet *labels = gloss_document_get_labels (self->document);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (model, position + i);
      GlossEntityItem *item = gloss_entity_item_new (entity, labels);

      g_signal_connect_object (item, "notify::name",
                               G_CALLBACK (gloss_side_panel_entity_item_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::aliases",
                               G_CALLBACK (gloss_side_panel_entity_item_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->entity_items, position, removed, items->pdata, items->len);
  gloss_side_panel_queue_refresh (self, REFRESH_COUNTS);
  gloss_side_panel_update_actions (self);
}

static void
gloss_side_panel_reload_entities (GlossSidePanel *self)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->entity_items));
  GListModel *entities;

  if (self->document == NULL)
    {
      g_list_store_remove_all (self->entity_items);
      return;
    }

  entities = gloss_document_get_entities (self->document);
  gloss_side_panel_entities_changed_cb (self, 0, n_old, g_list_model_get_n_items (entities),
                                        entities);
}

static void
gloss_side_panel_labels_changed_cb (GlossSidePanel *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entity_items)); i++)
    {
      g_autoptr(GlossEntityItem) item = NULL;

      item = g_list_model_get_item (G_LIST_MODEL (self->entity_items), i);
      gloss_entity_item_update_label (item);
    }
}

static void
gloss_side_panel_labels_replaced_cb (GlossSidePanel *self)
{
  g_signal_group_set_target (self->label_signals, gloss_document_get_labels (self->document));
  gloss_side_panel_reload_entities (self);
}

static void
gloss_side_panel_annotations_changed_cb (GlossSidePanel *self)
{
  gloss_side_panel_queue_refresh (self, REFRESH_COUNTS);
}

/* A changed annotation may have become detached, been re-attached, or
 * have new text for the search to find. */
static void
gloss_side_panel_annotation_changed_cb (GlossSidePanel *self)
{
  gloss_side_panel_queue_refresh (self, REFRESH_COUNTS | REFRESH_ANNOTATIONS);
}

/* The rows name a claim's claimant from the document's entities. */
static void
gloss_side_panel_annotation_setup_cb (GlossSidePanel *self,
                                      GtkListItem    *list_item)
{
  GtkWidget *row = g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);

  g_object_bind_property (self, "document", row, "document", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
}

static void
gloss_side_panel_annotation_bind_cb (GlossSidePanel *self,
                                     GtkListItem    *list_item)
{
  gloss_panel_row_set_item (GLOSS_PANEL_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
gloss_side_panel_annotation_unbind_cb (GlossSidePanel *self,
                                       GtkListItem    *list_item)
{
  gloss_panel_row_set_item (GLOSS_PANEL_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
gloss_side_panel_entity_activated_cb (GlossSidePanel  *self,
                                      GlossEntityItem *item)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, gloss_entity_item_get_entity (item));
}

static void
gloss_side_panel_annotation_activated_cb (GlossSidePanel  *self,
                                          GlossAnnotation *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

static void
gloss_side_panel_entity_menu_requested_cb (GlossSidePanel  *self,
                                           GlossEntityItem *item,
                                           double           x,
                                           double           y)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (self->document == NULL)
    return;

  menu = gloss_side_panel_build_entity_menu (self, gloss_entity_item_get_entity (item));
  gloss_panel_page_popup_menu (self->entity_page, menu, x, y);
}

static void
gloss_side_panel_entity_search_cb (GlossSidePanel *self)
{
  filter_changed (self->entities);
}

static void
gloss_side_panel_annotation_search_cb (GlossSidePanel *self,
                                       GParamSpec     *pspec,
                                       GlossPanelPage *page)
{
  if (page == self->claim_page)
    gloss_side_panel_refilter_claims (self, TRUE);
  else if (page == self->note_page)
    filter_changed (self->notes);
  else
    filter_changed (self->detached);
}

static void
gloss_side_panel_set_entity_sort (GlossSidePanel *self,
                                  const char     *sort)
{
  if (g_strcmp0 (sort, "name") != 0 && g_strcmp0 (sort, "mentions") != 0)
    {
      g_warning ("Unknown entity order “%s”", sort);
      return;
    }

  if (g_strcmp0 (self->entity_sort, sort) == 0)
    return;

  g_free (self->entity_sort);
  self->entity_sort = g_strdup (sort);

  gtk_sort_list_model_set_sorter (self->entities_sorted,
                                  gloss_side_panel_sorts_by_count (self) ? self->count_sorter
                                                                         : self->name_sorter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_SORT]);
}

static void
gloss_side_panel_dispose (GObject *object)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gloss_side_panel_dispose_claims (self);
  if (self->notes != NULL)
    {
      gtk_filter_list_model_set_model (self->notes, NULL);
      gtk_filter_list_model_set_model (self->detached, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDE_PANEL);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->annotation_signals);
  g_clear_object (&self->entity_signals);
  g_clear_object (&self->label_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->entities);
  g_clear_object (&self->entities_sorted);
  g_clear_object (&self->entity_items);
  g_clear_object (&self->notes);
  g_clear_object (&self->detached);
  g_clear_object (&self->name_sorter);
  g_clear_object (&self->count_sorter);

  G_OBJECT_CLASS (gloss_side_panel_parent_class)->dispose (object);
}

static void
gloss_side_panel_finalize (GObject *object)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (object);

  g_free (self->entity_sort);
  g_free (self->claim_sort);

  G_OBJECT_CLASS (gloss_side_panel_parent_class)->finalize (object);
}

static void
gloss_side_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ENTITY_SORT:
      g_value_set_string (value, self->entity_sort);
      break;
    case PROP_CLAIM_SORT:
      g_value_set_string (value, self->claim_sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_side_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_side_panel_set_document (self, g_value_get_object (value));
      break;
    case PROP_ENTITY_SORT:
      gloss_side_panel_set_entity_sort (self, g_value_get_string (value));
      break;
    case PROP_CLAIM_SORT:
      if (gloss_side_panel_set_claim_sort (self, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_side_panel_class_init (GlossSidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_side_panel_dispose;
  object_class->finalize = gloss_side_panel_finalize;
  object_class->get_property = gloss_side_panel_get_property;
  object_class->set_property = gloss_side_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, flags);
  /* "name", or "mentions" for the most mentioned first */
  properties[PROP_ENTITY_SORT] = g_param_spec_string ("entity-sort", NULL, NULL, "name", flags);
  /* "position", the order of the article, or "status" for the claims
   * still to review first */
  properties[PROP_CLAIM_SORT] = g_param_spec_string ("claim-sort", NULL, NULL, "position", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSidePanel::entity-activated:
   * @entity: the entity of the activated row
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ENTITY);

  /**
   * GlossSidePanel::annotation-activated:
   * @annotation: the claim or note of the activated row
   *
   * Not emitted for detached annotations: they have no text to go to.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  g_type_ensure (GLOSS_TYPE_PANEL_PAGE);
  g_type_ensure (GLOSS_TYPE_ENTITY_ROW);
  g_type_ensure (GLOSS_TYPE_ANNOTATION_ROW);
  g_type_ensure (GLOSS_TYPE_CLAIM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, detached_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, entity_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, claim_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, note_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePanel, detached_page);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_entity_menu_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_entity_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_annotation_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_annotation_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_annotation_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_side_panel_annotation_unbind_cb);

  gtk_widget_class_install_property_action (widget_class, "panel.entity-sort", "entity-sort");
  gloss_side_panel_class_add_entity_actions (widget_class);
  gloss_side_panel_class_add_claims (widget_class);
}

static GtkFilterListModel *
annotation_filter_new (GtkCustomFilterFunc  func,
                       GlossSidePanel      *self)
{
  return gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (func, self, NULL)));
}

static GtkExpression *
item_property (const char *name)
{
  return gtk_property_expression_new (GLOSS_TYPE_ENTITY_ITEM, NULL, name);
}

static void
gloss_side_panel_init_models (GlossSidePanel *self)
{
  GtkMultiSorter *by_count = gtk_multi_sorter_new ();
  GtkNumericSorter *count = gtk_numeric_sorter_new (item_property ("n-mentions"));
  GtkCustomFilter *entity_filter = gtk_custom_filter_new (entity_filter_func, self, NULL);

  self->name_sorter = GTK_SORTER (gtk_string_sorter_new (item_property ("name")));
  gtk_numeric_sorter_set_sort_order (count, GTK_SORT_DESCENDING);
  gtk_multi_sorter_append (by_count, GTK_SORTER (count));
  gtk_multi_sorter_append (by_count, g_object_ref (self->name_sorter));
  self->count_sorter = GTK_SORTER (by_count);

  self->entity_items = g_list_store_new (GLOSS_TYPE_ENTITY_ITEM);
  self->entities_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->entity_items)),
                                                   g_object_ref (self->name_sorter));
  self->entities = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entities_sorted)),
                                              GTK_FILTER (entity_filter));
  self->notes = annotation_filter_new (note_filter_func, self);
  self->detached = annotation_filter_new (detached_filter_func, self);

  gloss_panel_page_set_model (self->entity_page, G_LIST_MODEL (self->entities));
  gloss_panel_page_set_model (self->note_page, G_LIST_MODEL (self->notes));
  gloss_panel_page_set_model (self->detached_page, G_LIST_MODEL (self->detached));
}

static void
gloss_side_panel_init_signals (GlossSidePanel *self)
{
  self->document_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "annotation-changed",
                                 G_CALLBACK (gloss_side_panel_annotation_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::labels",
                                 G_CALLBACK (gloss_side_panel_labels_replaced_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (gloss_side_panel_update_actions),
                                 self, G_CONNECT_SWAPPED);

  self->annotation_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->annotation_signals, "items-changed",
                                 G_CALLBACK (gloss_side_panel_annotations_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  self->entity_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->entity_signals, "items-changed",
                                 G_CALLBACK (gloss_side_panel_entities_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  self->label_signals = g_signal_group_new (GLOSS_TYPE_LABEL_SET);
  g_signal_group_connect_object (self->label_signals, "items-changed",
                                 G_CALLBACK (gloss_side_panel_labels_changed_cb),
                                 self, G_CONNECT_SWAPPED);
}

static void
gloss_side_panel_init (GlossSidePanel *self)
{
  /* Before the template: its sort menus read the properties at once. */
  self->entity_sort = g_strdup ("name");
  self->claim_sort = g_strdup ("position");
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_side_panel_init_models (self);
  gloss_side_panel_init_claims (self);
  gloss_side_panel_init_signals (self);
  gloss_side_panel_refresh (self, REFRESH_COUNTS);
  gloss_side_panel_update_actions (self);
}

GtkWidget *
gloss_side_panel_new (void)
{
  return g_object_new (GLOSS_TYPE_SIDE_PANEL, NULL);
}

/**
 * gloss_side_panel_get_document:
 *
 * Returns: (transfer none) (nullable): the document listed
 */
GlossDocument *
gloss_side_panel_get_document (GlossSidePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDE_PANEL (self), NULL);

  return self->document;
}

/**
 * gloss_side_panel_set_document:
 * @document: (nullable): the document to list, or %NULL to empty the panel
 */
void
gloss_side_panel_set_document (GlossSidePanel *self,
                               GlossDocument  *document)
{
  GListModel *annotations;

  g_return_if_fail (GLOSS_IS_SIDE_PANEL (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  gloss_side_panel_close_claim_editor (self);
  g_set_object (&self->document, document);

  annotations = document != NULL ? gloss_document_get_annotations (document) : NULL;
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->annotation_signals, annotations);
  g_signal_group_set_target (self->entity_signals,
                             document != NULL ? gloss_document_get_entities (document) : NULL);
  g_signal_group_set_target (self->label_signals,
                             document != NULL ? gloss_document_get_labels (document) : NULL);

  gtk_filter_list_model_set_model (self->claims, annotations);
  gtk_filter_list_model_set_model (self->notes, annotations);
  gtk_filter_list_model_set_model (self->detached, annotations);
  gloss_side_panel_reload_entities (self);

  /* The filters just ran over the new annotations; only the counts are
   * left to take. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_flags = 0;
  gloss_side_panel_refresh (self, REFRESH_COUNTS);
  gloss_side_panel_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static GlossEntityItem *
gloss_side_panel_find_entity_item (GlossSidePanel *self,
                                   const char     *id)
{
  GListModel *items = G_LIST_MODEL (self->entity_items);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gloss_entity_get_id (gloss_entity_item_get_entity (item)), id) == 0)
        return item;
    }

  return NULL;
}

/**
 * gloss_side_panel_select_annotation:
 * @annotation: an annotation of the document
 *
 * Shows the page that lists @annotation and selects its row (for an
 * entity mention, the row of its entity), without activating it. The
 * selection is cleared when the search hides the row.
 */
void
gloss_side_panel_select_annotation (GlossSidePanel  *self,
                                    GlossAnnotation *annotation)
{
  GlossPanelPage *page;
  gpointer item = annotation;

  g_return_if_fail (GLOSS_IS_SIDE_PANEL (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  if (self->document == NULL)
    return;

  gloss_side_panel_flush_refresh (self);
  if (gloss_annotation_is_orphaned (annotation))
    page = self->detached_page;
  else if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_ENTITY)
    {
      page = self->entity_page;
      item = gloss_side_panel_find_entity_item (self, gloss_annotation_get_entity (annotation));
    }
  else if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM)
    page = self->claim_page;
  else
    page = self->note_page;

  adw_view_stack_set_visible_child (self->stack, page == self->claim_page ? self->claims_box
                                                                        : GTK_WIDGET (page));
  gloss_panel_page_select_item (page, item);
}

/**
 * gloss_side_panel_focus_search:
 *
 * Moves the keyboard focus to the search entry of the visible page.
 */
void
gloss_side_panel_focus_search (GlossSidePanel *self)
{
  GtkWidget *page;

  g_return_if_fail (GLOSS_IS_SIDE_PANEL (self));

  page = adw_view_stack_get_visible_child (self->stack);
  if (page == self->claims_box)
    page = GTK_WIDGET (self->claim_page);
  if (GLOSS_IS_PANEL_PAGE (page))
    gloss_panel_page_focus_search (GLOSS_PANEL_PAGE (page));
}
