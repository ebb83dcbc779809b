/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-extraction.h"
#include "gloss-fetcher.h"
#include "gloss-web-article.h"
#include "gloss-web-page.h"
#include "gloss-web-types.h"
