/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-document"

#include "config.h"

#include "fuzz-common.h"

#include "gloss-core.h"

static guint
count_annotations (GlossDocument *document)
{
  return g_list_model_get_n_items (gloss_document_get_annotations (document)) +
         gloss_document_get_n_unknown_annotations (document);
}

/* A sidecar that cannot be used is never written over. */
static void
check_refuses_save (GlossDocument *document,
                    GBytes        *sidecar)
{
  g_autoptr(GFile) file = gloss_document_get_sidecar_file_for (gloss_document_get_file (document));
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);
  on_disk = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (on_disk != NULL && g_bytes_equal (on_disk, sidecar));
}

/* The input is an article and its sidecar, a NUL byte between them. The
 * document loads or the article is refused with a Gloss error; a usable
 * sidecar saves and loads again with every annotation, an unusable one is
 * left as it was. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) sidecar = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  fuzz_split (data, size, &text, &sidecar);
  article = fuzz_write ("article.txt", text);
  g_object_unref (fuzz_write ("article.txt.gloss.json", sidecar));

  document = gloss_document_load (article, NULL, &error);
  if (document == NULL)
    {
      g_assert_true (error != NULL && error->domain == GLOSS_CORE_ERROR);
      return 0;
    }
  if (gloss_document_get_read_only (document))
    {
      check_refuses_save (document, sidecar);
      return 0;
    }

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  fuzz_check_reloads (article);

  reloaded = gloss_document_load (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (reloaded), ==, count_annotations (document));

  return 0;
}
