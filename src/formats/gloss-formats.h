/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-formats-types.h"
#include "gloss-export.h"
#include "gloss-format.h"
#include "gloss-import.h"
