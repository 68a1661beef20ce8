#!/bin/sh
# Regenerates the five "How do you feel about it?" faces (feeling-1.png .. feeling-5.png)
# as 256x256 8-bit RGBA PNGs with a transparent background.
# Requires ImageMagick 6 (`convert`). Output goes next to this script.
# 1 = very upset, 2 = upset/sad, 3 = okay/neutral, 4 = happy, 5 = very happy.
set -eu
cd "$(dirname "$0")"

INK='#1E293B'   # outline and features
SW=10           # stroke width
RC='stroke-linecap round stroke-linejoin round'

# face COLOUR OUTFILE [extra convert drawing options...]
# Draws the round face and the two eyes, then the extra options (stroke = INK,
# width SW, no fill, unless an option changes it), then writes the PNG.
face() {
  colour=$1; out=$2; shift 2
  convert -size 256x256 xc:none \
    -fill "$colour" -stroke "$INK" -strokewidth "$SW" \
    -draw 'circle 128,128 128,14' \
    -stroke none -fill "$INK" \
    -draw 'ellipse 94,108 11,15 0,360' \
    -draw 'ellipse 162,108 11,15 0,360' \
    -fill none -stroke "$INK" -strokewidth "$SW" \
    "$@" \
    -define png:color-type=6 -depth 8 "PNG32:$out"
}

# 1: very upset - worried eyebrows (inner ends raised), deep frown
face '#8FB8DE' feeling-1.png \
  -draw "$RC path 'M 72,82 L 106,68'" \
  -draw "$RC path 'M 150,68 L 184,82'" \
  -draw "$RC path 'M 84,192 Q 128,130 172,192'"

# 2: upset/sad - gently slanted eyebrows, mild frown
face '#B7D3EA' feeling-2.png \
  -draw "$RC path 'M 76,80 L 108,74'" \
  -draw "$RC path 'M 148,74 L 180,80'" \
  -draw "$RC path 'M 92,184 Q 128,156 164,184'"

# 3: okay/neutral - straight mouth
face '#F3E3A1' feeling-3.png \
  -draw "$RC path 'M 94,172 L 162,172'"

# 4: happy - clear closed smile
face '#F7D06B' feeling-4.png \
  -draw "$RC path 'M 84,160 Q 128,214 172,160'"

# 5: very happy - big open smile with a tongue
face '#F5B942' feeling-5.png \
  -fill "$INK" -draw "$RC path 'M 72,150 L 184,150 Q 184,216 128,216 Q 72,216 72,150 Z'" \
  -stroke none -fill '#E9857B' -draw "path 'M 100,206 Q 128,176 156,206 Q 128,218 100,206 Z'"
