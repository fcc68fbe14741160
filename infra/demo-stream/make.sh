#!/usr/bin/env bash
# Regenerates the demo hall's live picture: a 12 s loop cut into HLS MPEG-TS segments
# (src/main/resources/demo/stream/seg-0.ts … seg-5.ts) that DemoStreamController serves as an endless
# live playlist (GET /demo/stream/live.m3u8, local profile only).
#
# The segments are committed; this script is only for changing them. ffmpeg and the CJK font are tools of
# this script, never a build, test or runtime dependency: when missing they are installed from Debian's
# packages (needs root). Run it from anywhere: bash infra/demo-stream/make.sh
#
# Picture: 640x360, 15 fps, H.264 constrained baseline (avc1.42C01E), no audio, one IDR frame per 2 s
# segment, low bitrate (the six segments together stay well under 400 KB). Everything that moves is
# periodic over the 12 s loop (the pulsing badge, the gold bar, the drifting 茶) except the seconds counter,
# which runs 00 to 11 and starts again: the wrap is calm but visible.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=src/main/resources/demo/stream
SEGMENTS=6          # keep in step with DemoStreamController.SEGMENTS
SEGMENT_SECONDS=2   # keep in step with DemoStreamController.SEGMENT_MILLIS
FPS=15
DURATION=$((SEGMENTS * SEGMENT_SECONDS))
FONT='Noto Sans CJK SC'

missing=()
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)  # no -q: with pipefail, an early exit of grep fails fc-list
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# colours: dark tea background, cream card, tea-brown text, gold accents
BG=0x4a2a12
CARD=0xf4e6c8
INK=0x5a3417
SOFT=0x8a5a2b
GOLD=0xd19a3a

# The filter graph goes to ffmpeg as a file: no shell quoting inside it. In drawtext, '\:' and '\,' are the
# escaped ':' and ',' of the %{eif:...} expansion (the seconds counter).
graph() {
  cat <<GRAPH
[0:v]drawbox=x=32:y=28:w=576:h=304:color=${CARD}:t=fill,
drawbox=x=32:y=28:w=576:h=6:color=${GOLD}:t=fill,
drawtext=font='${FONT}':text='东裕茗茶 · 直播演示':fontsize=44:fontcolor=${INK}:x=(w-text_w)/2:y=82,
drawtext=font='${FONT}':text='秦岭好茶品鉴 · 演示画面循环播放':fontsize=22:fontcolor=${SOFT}:x=(w-text_w)/2:y=144,
drawtext=font='${FONT}':text='● 直播中':fontsize=22:fontcolor=0xc0392b:x=52:y=44:alpha='0.55+0.45*cos(2*PI*t)',
drawtext=font='${FONT}':text='第 %{eif\:mod(t\,${DURATION})\:d\:2} 秒':fontsize=60:fontcolor=${INK}:x=(w-text_w)/2:y=184,
drawbox=x=72:y=286:w=496:h=10:color=0xe2cfa6:t=fill[card];
[1:v]format=yuv420p[bar];
[card][bar]overlay=x='72+(496-96)*(0.5-0.5*cos(2*PI*t/4))':y=286:eval=frame,
drawtext=font='${FONT}':text='茶':fontsize=24:fontcolor=0x5b7f1e:x='308+240*sin(2*PI*t/${DURATION})':y='252+6*sin(4*PI*t/${DURATION})',
format=yuv420p[out]
GRAPH
}

mkdir -p "$OUT"
rm -f "$OUT"/seg-*.ts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
graph >"$work/graph.txt"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=${BG}:s=640x360:r=${FPS}:d=${DURATION}" \
  -f lavfi -i "color=c=${GOLD}:s=96x10:r=${FPS}:d=${DURATION}" \
  -filter_complex_script "$work/graph.txt" -map '[out]' -an \
  -c:v libx264 -profile:v baseline -level:v 3.0 -pix_fmt yuv420p -preset slow -threads 1 \
  -crf 30 -maxrate 220k -bufsize 440k \
  -x264-params "keyint=$((FPS * SEGMENT_SECONDS)):min-keyint=$((FPS * SEGMENT_SECONDS)):scenecut=0:open-gop=0" \
  -fflags +bitexact -flags:v +bitexact -map_metadata -1 \
  -f hls -hls_time "$SEGMENT_SECONDS" -hls_list_size 0 -hls_segment_type mpegts \
  -hls_segment_filename "$OUT/seg-%d.ts" "$work/index.m3u8"

count=$(ls "$OUT"/seg-*.ts | wc -l)
if [ "$count" -ne "$SEGMENTS" ]; then
  echo "expected $SEGMENTS segments, got $count" >&2
  exit 1
fi
for f in "$OUT"/seg-*.ts; do
  printf '%s  %s bytes  %s s\n' "$f" "$(stat -c %s "$f")" \
    "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")"
done
echo "total $(cat "$OUT"/seg-*.ts | wc -c) bytes"
