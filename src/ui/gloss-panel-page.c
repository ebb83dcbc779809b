/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-panel-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-panel-page.h"
#include "gloss-panel-row.h"

/**
 * GlossPanelPage:
 *
 * One list of the side panel: a search entry over a list view, and a
 * status page in place of the list when it is empty or nothing matches.
 *
 * The owner gives the (already filtered) model and the factory, and
 * filters again when #GlossPanelPage:search-text changes. A page may
 * have more ways to narrow its list, in #GlossPanelPage:filter-bar under
 * the search entry. The factory makes #GlossPanelRow widgets: the page
 * asks them which item a click or the menu key is about.
 *
 * A single click or Enter activates a row (#GlossPanelPage::item-activated);
 * a right click, the Menu key or Shift+F10 asks for its context menu
 * (#GlossPanelPage::menu-requested).
 */
struct _GlossPanelPage
{
  GtkBox              parent_instance;

  GtkSingleSelection *selection;
  char               *needle;
  guint               n_total;
  char               *title;
  char               *placeholder_text;
  char               *empty_title;
  char               *empty_description;
  char               *empty_icon_name;
  GtkWidget          *header_suffix;
  GtkWidget          *filter_bar;
  GtkPopoverMenu     *menu;

  GtkBox             *header_box;
  GtkSearchEntry     *search_entry;
  GtkStack           *state_stack;
  GtkListView        *list_view;
  AdwStatusPage      *status_page;
};

G_DEFINE_FINAL_TYPE (GlossPanelPage, gloss_panel_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FACTORY,
  PROP_TITLE,
  PROP_PLACEHOLDER_TEXT,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_HEADER_SUFFIX,
  PROP_FILTER_BAR,
  PROP_N_TOTAL,
  PROP_SEARCH_TEXT,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  MENU_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gloss_panel_page_update_state (GlossPanelPage *self)
{
  gboolean empty = self->n_total == 0;
  const char *hint = self->filter_bar != NULL ? _("Try a different search or filter")
                                              : _("Try a different search");

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "list");
      return;
    }

  adw_status_page_set_icon_name (self->status_page,
                                 empty ? self->empty_icon_name : "edit-find-symbolic");
  adw_status_page_set_title (self->status_page,
                             empty ? self->empty_title : _("No Results Found"));
  adw_status_page_set_description (self->status_page,
                                   empty ? self->empty_description : hint);
  gtk_stack_set_visible_child_name (self->state_stack, "status");
}

/* The item shown by a row of the list view, or NULL. */
static gpointer
gloss_panel_page_item_for_row (GtkWidget *row)
{
  GtkWidget *child = row != NULL ? gtk_widget_get_first_child (row) : NULL;

  return GLOSS_IS_PANEL_ROW (child) ? gloss_panel_row_get_item (GLOSS_PANEL_ROW (child)) : NULL;
}

static GtkWidget *
gloss_panel_page_pick_row (GlossPanelPage *self,
                           double          x,
                           double          y,
                           GtkWidget     **picked)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  if (picked != NULL)
    *picked = widget;

  while (widget != NULL && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);

  return widget;
}

static gboolean
gloss_panel_page_find (GlossPanelPage *self,
                       gpointer        item,
                       guint          *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
gloss_panel_page_activate_position (GlossPanelPage *self,
                                    guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.activate-item", "u", position);
}

static void
gloss_panel_page_request_menu (GlossPanelPage *self,
                               GtkWidget      *row,
                               double          x,
                               double          y)
{
  GObject *item = gloss_panel_page_item_for_row (row);
  guint position;

  if (item == NULL || !gloss_panel_page_find (self, item, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_grab_focus (row);
  g_signal_emit (self, signals[MENU_REQUESTED], 0, item, x, y);
}

static void
gloss_panel_page_click_pressed_cb (GlossPanelPage  *self,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GtkWidget *row;

  /* The first click already activated the row: a double click must not
   * activate it a second time (an entity's row moves on to its next
   * mention on each activation). */
  if (button == GDK_BUTTON_PRIMARY && n_press > 1)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_SECONDARY)
    return;

  row = gloss_panel_page_pick_row (self, x, y, NULL);
  if (row == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), GTK_WIDGET (self), x, y, &x, &y);
  gloss_panel_page_request_menu (self, row, x, y);
}

static void
gloss_panel_page_click_released_cb (GlossPanelPage  *self,
                                    int              n_press,
                                    double           x,
                                    double           y,
                                    GtkGestureClick *gesture)
{
  GtkWidget *picked = NULL;
  GtkWidget *row;
  GObject *item;
  guint position;

  if (n_press != 1 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  row = gloss_panel_page_pick_row (self, x, y, &picked);
  if (row == NULL || gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON) != NULL)
    return;

  item = gloss_panel_page_item_for_row (row);
  if (item != NULL && gloss_panel_page_find (self, item, &position))
    gloss_panel_page_activate_position (self, position);
}

static gboolean
gloss_panel_page_menu_key_cb (GtkWidget *widget,
                              GVariant  *args,
                              gpointer   user_data)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (user_data);
  GtkWidget *row = gtk_widget_get_focus_child (widget);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    return FALSE;

  gloss_panel_page_request_menu (self, row,
                                 bounds.origin.x + bounds.size.width / 2,
                                 bounds.origin.y + bounds.size.height);
  return TRUE;
}

static void
gloss_panel_page_list_activate_cb (GlossPanelPage *self,
                                   guint           position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
gloss_panel_page_search_changed_cb (GlossPanelPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *needle = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/* Typing in the list searches; the entry then takes the keys, so that
 * Escape clears the search and Enter goes to the first match. */
static void
gloss_panel_page_search_started_cb (GlossPanelPage *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
gloss_panel_page_stop_search_cb (GlossPanelPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search entry goes to the first match. */
static void
gloss_panel_page_search_activate_cb (GlossPanelPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  gloss_panel_page_activate_position (self, 0);
}

static void
gloss_panel_page_set_header_suffix (GlossPanelPage *self,
                                    GtkWidget      *widget)
{
  if (self->header_suffix == widget)
    return;

  if (self->header_suffix != NULL)
    gtk_box_remove (self->header_box, self->header_suffix);
  self->header_suffix = widget;
  if (widget != NULL)
    gtk_box_append (self->header_box, widget);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_SUFFIX]);
}

static void
gloss_panel_page_set_filter_bar (GlossPanelPage *self,
                                 GtkWidget      *widget)
{
  if (self->filter_bar == widget)
    return;

  if (self->filter_bar != NULL)
    gtk_box_remove (GTK_BOX (self), self->filter_bar);
  self->filter_bar = widget;
  if (widget != NULL)
    gtk_box_insert_child_after (GTK_BOX (self), widget, GTK_WIDGET (self->header_box));

  gloss_panel_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_BAR]);
}

static void
gloss_panel_page_set_factory (GlossPanelPage     *self,
                              GtkListItemFactory *factory)
{
  if (gtk_list_view_get_factory (self->list_view) == factory)
    return;

  gtk_list_view_set_factory (self->list_view, factory);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTORY]);
}

/* The title names the list for screen readers; the placeholder text
 * names the search entry. */
static void
gloss_panel_page_update_labels (GlossPanelPage *self)
{
  g_object_set (self->search_entry, "placeholder-text", self->placeholder_text, NULL);
  if (self->placeholder_text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->placeholder_text, -1);
  if (self->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
}

static char **
gloss_panel_page_string_field (GlossPanelPage *self,
                               guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      return &self->title;
    case PROP_PLACEHOLDER_TEXT:
      return &self->placeholder_text;
    case PROP_EMPTY_ICON_NAME:
      return &self->empty_icon_name;
    case PROP_EMPTY_TITLE:
      return &self->empty_title;
    default:
      g_assert (prop_id == PROP_EMPTY_DESCRIPTION);
      return &self->empty_description;
    }
}

static void
gloss_panel_page_set_string (GlossPanelPage *self,
                             guint           prop_id,
                             const char     *value)
{
  char **field = gloss_panel_page_string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  gloss_panel_page_update_labels (self);
  gloss_panel_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* A list view makes up to two hundred rows as soon as it has a model,
 * shown or not: a page that was never shown need not pay for them. */
static void
gloss_panel_page_map (GtkWidget *widget)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (widget);

  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  GTK_WIDGET_CLASS (gloss_panel_page_parent_class)->map (widget);
}

static void
gloss_panel_page_dispose (GObject *object)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (object);

  if (self->menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->menu)));
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PANEL_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (gloss_panel_page_parent_class)->dispose (object);
}

static void
gloss_panel_page_finalize (GObject *object)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (object);

  g_free (self->needle);
  g_free (self->title);
  g_free (self->placeholder_text);
  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->empty_icon_name);

  G_OBJECT_CLASS (gloss_panel_page_parent_class)->finalize (object);
}

static void
gloss_panel_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, gtk_single_selection_get_model (self->selection));
      break;
    case PROP_FACTORY:
      g_value_set_object (value, gtk_list_view_get_factory (self->list_view));
      break;
    case PROP_TITLE:
    case PROP_PLACEHOLDER_TEXT:
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, *gloss_panel_page_string_field (self, prop_id));
      break;
    case PROP_HEADER_SUFFIX:
      g_value_set_object (value, self->header_suffix);
      break;
    case PROP_FILTER_BAR:
      g_value_set_object (value, self->filter_bar);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->needle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panel_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossPanelPage *self = GLOSS_PANEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      gloss_panel_page_set_model (self, g_value_get_object (value));
      break;
    case PROP_FACTORY:
      gloss_panel_page_set_factory (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
    case PROP_PLACEHOLDER_TEXT:
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      gloss_panel_page_set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_HEADER_SUFFIX:
      gloss_panel_page_set_header_suffix (self, g_value_get_object (value));
      break;
    case PROP_FILTER_BAR:
      gloss_panel_page_set_filter_bar (self, g_value_get_object (value));
      break;
    case PROP_N_TOTAL:
      gloss_panel_page_set_n_total (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panel_page_class_init (GlossPanelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_panel_page_dispose;
  object_class->finalize = gloss_panel_page_finalize;
  object_class->get_property = gloss_panel_page_get_property;
  object_class->set_property = gloss_panel_page_set_property;
  widget_class->map = gloss_panel_page_map;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_FACTORY] =
    g_param_spec_object ("factory", NULL, NULL, GTK_TYPE_LIST_ITEM_FACTORY, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_TITLE] = g_param_spec_string ("empty-title", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL, flags);
  properties[PROP_HEADER_SUFFIX] =
    g_param_spec_object ("header-suffix", NULL, NULL, GTK_TYPE_WIDGET, flags);
  /* shown under the search entry, for filters beyond the search */
  properties[PROP_FILTER_BAR] =
    g_param_spec_object ("filter-bar", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossPanelPage::item-activated:
   * @item: the item of the activated row
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /**
   * GlossPanelPage::menu-requested:
   * @item: the item of the row, now selected
   * @x: where to point the menu, in the page's coordinates
   * @y: where to point the menu, in the page's coordinates
   */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_OBJECT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-panel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPanelPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, GlossPanelPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossPanelPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossPanelPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossPanelPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, gloss_panel_page_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_panel_page_search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_panel_page_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_panel_page_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_panel_page_list_activate_cb);
}

static void
gloss_panel_page_add_controllers (GlossPanelPage *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *menu_keys =
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                 gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  GtkShortcutAction *menu_action = gtk_callback_action_new (gloss_panel_page_menu_key_cb,
                                                            self, NULL);

  /* In the capture phase, to see a press before the row claims it. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (gloss_panel_page_click_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (gloss_panel_page_click_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (menu_keys, menu_action));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

static void
gloss_panel_page_init (GlossPanelPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (gloss_panel_page_update_state), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  gloss_panel_page_add_controllers (self);
  gloss_panel_page_update_state (self);
}

/**
 * gloss_panel_page_set_model:
 * @model: (nullable): the items to list, already filtered by the search
 */
void
gloss_panel_page_set_model (GlossPanelPage *self,
                            GListModel     *model)
{
  g_return_if_fail (GLOSS_IS_PANEL_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (gtk_single_selection_get_model (self->selection) == model)
    return;

  gtk_single_selection_set_model (self->selection, model);
  gloss_panel_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * gloss_panel_page_get_selection:
 *
 * Returns: (transfer none): the selection model the list shows
 */
GtkSingleSelection *
gloss_panel_page_get_selection (GlossPanelPage *self)
{
  g_return_val_if_fail (GLOSS_IS_PANEL_PAGE (self), NULL);

  return self->selection;
}

/**
 * gloss_panel_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected item
 */
gpointer
gloss_panel_page_get_selected (GlossPanelPage *self)
{
  g_return_val_if_fail (GLOSS_IS_PANEL_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * gloss_panel_page_get_needle:
 *
 * Returns: (nullable): the search text, trimmed and case-folded with
 *   g_utf8_casefold(); %NULL when there is no search
 */
const char *
gloss_panel_page_get_needle (GlossPanelPage *self)
{
  g_return_val_if_fail (GLOSS_IS_PANEL_PAGE (self), NULL);

  return self->needle;
}

/**
 * gloss_panel_page_set_n_total:
 * @n_total: how many items there are before the search filters them
 *
 * Tells an empty list ("nothing yet") from a search without results.
 */
void
gloss_panel_page_set_n_total (GlossPanelPage *self,
                              guint           n_total)
{
  g_return_if_fail (GLOSS_IS_PANEL_PAGE (self));

  if (self->n_total == n_total)
    return;

  self->n_total = n_total;
  gloss_panel_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

/**
 * gloss_panel_page_select_item:
 * @item: (nullable): an item of the model
 *
 * Selects the row of @item and scrolls to it; clears the selection when
 * @item is not listed (%NULL, or hidden by the search).
 *
 * Returns: whether @item is listed
 */
gboolean
gloss_panel_page_select_item (GlossPanelPage *self,
                              gpointer        item)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_PANEL_PAGE (self), FALSE);

  /* The cursor moving inside one span asks again and again. */
  if (item != NULL && gtk_single_selection_get_selected_item (self->selection) == item)
    return TRUE;

  if (item == NULL || !gloss_panel_page_find (self, item, &position))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

void
gloss_panel_page_focus_search (GlossPanelPage *self)
{
  g_return_if_fail (GLOSS_IS_PANEL_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Keyboard users go on from the row whose menu they closed. */
static void
gloss_panel_page_menu_closed_cb (GlossPanelPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * gloss_panel_page_popup_menu:
 * @menu: the menu to show
 * @x: where to point it, in the page's coordinates
 * @y: where to point it, in the page's coordinates
 */
void
gloss_panel_page_popup_menu (GlossPanelPage *self,
                             GMenuModel     *menu,
                             double          x,
                             double          y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  g_return_if_fail (GLOSS_IS_PANEL_PAGE (self));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  if (self->menu == NULL)
    {
      self->menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (GTK_WIDGET (self->menu), GTK_ALIGN_START);
      gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
      g_signal_connect_object (self->menu, "closed", G_CALLBACK (gloss_panel_page_menu_closed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_popover_menu_set_menu_model (self->menu, menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/**
 * gloss_panel_page_text_matches:
 * @text: (nullable): text to search
 * @needle: (nullable): what to find, case-folded with g_utf8_casefold()
 *
 * Returns: whether @text contains @needle, ignoring case; %TRUE for no
 *   needle
 */
gboolean
gloss_panel_page_text_matches (const char *text,
                               const char *needle)
{
  g_autofree char *folded = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}
