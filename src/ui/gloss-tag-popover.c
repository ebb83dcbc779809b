/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-tag-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-tag-popover.h"

/* Offers what can be done with selected text: tag it as a type, linked
 * to the entity named in the entry (completed from the names and
 * aliases of the article's entities), or mark it as a claim or note. */

struct _GlossTagPopover
{
  GtkPopover          parent_instance;

  GlossDocument      *document;
  GtkListStore       *names;

  GtkEntry           *entity_entry;
  GtkListBox         *label_list;
};

G_DEFINE_FINAL_TYPE (GlossTagPopover, gloss_tag_popover, GTK_TYPE_POPOVER)

static GtkWidget *
create_label_row (gpointer item,
                  gpointer user_data)
{
  GlossLabel *label = item;
  GListModel *labels = user_data;
  guint position = 0;
  g_autofree char *text = NULL;
  g_autofree char *detailed = NULL;
  GtkWidget *button;
  GdkRGBA color;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GlossLabel) other = g_list_model_get_item (labels, i);

      if (other == label)
        position = i + 1;
    }

  text = position <= 9 ? g_strdup_printf ("%u  %s", position, gloss_label_get_display_name (label))
                       : g_strdup (gloss_label_get_display_name (label));
  button = gtk_button_new_with_label (text);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "tag-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag-label");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", position);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);

  if (gdk_rgba_parse (&color, gloss_label_get_color (label)))
    {
      g_autofree char *css = g_strdup_printf ("button { box-shadow: inset 4px 0 %s; }",
                                              gloss_label_get_color (label));
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, css, -1);
      gtk_style_context_add_provider (gtk_widget_get_style_context (button),
                                      GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  return button;
}

static void
gloss_tag_popover_fill_names (GlossTagPopover *self)
{
  GListModel *entities = gloss_document_get_entities (self->document);

  gtk_list_store_clear (self->names);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = gloss_entity_get_aliases (entity);

      gtk_list_store_insert_with_values (self->names, NULL, -1, 0, gloss_entity_get_name (entity), -1);
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        gtk_list_store_insert_with_values (self->names, NULL, -1, 0, aliases[j], -1);
    }
}

static void
gloss_tag_popover_show (GtkWidget *widget)
{
  GlossTagPopover *self = GLOSS_TAG_POPOVER (widget);

  if (self->document != NULL)
    gloss_tag_popover_fill_names (self);

  GTK_WIDGET_CLASS (gloss_tag_popover_parent_class)->show (widget);
}

static void
gloss_tag_popover_dispose (GObject *object)
{
  GlossTagPopover *self = GLOSS_TAG_POPOVER (object);

  g_clear_object (&self->document);
  g_clear_object (&self->names);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_POPOVER);

  G_OBJECT_CLASS (gloss_tag_popover_parent_class)->dispose (object);
}

static void
gloss_tag_popover_class_init (GlossTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_popover_dispose;
  widget_class->show = gloss_tag_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossapp/Gloss/gloss-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagPopover, entity_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossTagPopover, label_list);
}

static void
gloss_tag_popover_init (GlossTagPopover *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->entity_entry, completion);
}

/* Each row's key is its position: any change of the types renumbers
 * them all. */
static void
gloss_tag_popover_rebuild_rows (GlossTagPopover *self)
{
  GListModel *labels = G_LIST_MODEL (gloss_document_get_labels (self->document));

  gtk_list_box_bind_model (self->label_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->label_list, labels, create_label_row, labels, NULL);
}

GtkWidget *
gloss_tag_popover_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_POPOVER, NULL);
}

void
gloss_tag_popover_set_document (GlossTagPopover *self,
                                GlossDocument   *document)
{
  g_return_if_fail (GLOSS_IS_TAG_POPOVER (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (gloss_document_get_labels (self->document),
                                          gloss_tag_popover_rebuild_rows, self);
  g_set_object (&self->document, document);
  gloss_tag_popover_rebuild_rows (self);
  g_signal_connect_object (gloss_document_get_labels (document), "items-changed",
                           G_CALLBACK (gloss_tag_popover_rebuild_rows), self, G_CONNECT_SWAPPED);
}

/**
 * gloss_tag_popover_set_entity_name:
 *
 * Proposes @name, usually the selected text, as the entity to link to.
 */
void
gloss_tag_popover_set_entity_name (GlossTagPopover *self,
                                   const char      *name)
{
  g_return_if_fail (GLOSS_IS_TAG_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entity_entry), name != NULL ? name : "");
}

const char *
gloss_tag_popover_get_entity_name (GlossTagPopover *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_POPOVER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entity_entry));
}
