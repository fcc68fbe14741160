#!/usr/bin/env python3
"""Makes the certificate font: WenQuanYi Micro Hei (Apache License 2.0, Debian package fonts-wqy-microhei; Latin
and CJK glyphs from the Droid family) cut down to
what certificates print - ASCII, Latin-1, general and CJK punctuation, full-width forms and the 6,763 Hanzi of
GB 2312 - with Debian's fontTools (python3-fonttools). PDFBox subsets it again per document, so a certificate carries
only the glyphs it uses. Run it again only to change the character set:

    apt-get install -y fonts-wqy-microhei python3-fonttools
    /usr/bin/python3 infra/fonts/make-certificate-font.py   (Debian's Python, which has the package)
"""
import pathlib
from fontTools import subset

SOURCE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
TARGET = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/fonts/certificate-sans-sc.ttf"

codepoints = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070)) \
    | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for cp in range(0x4E00, 0xA000):
    try:
        chr(cp).encode("gb2312")
        codepoints.add(cp)
    except UnicodeEncodeError:
        pass

options = subset.Options()
options.layout_features = []
options.name_IDs = ["*"]
options.notdef_outline = True
options.font_number = 0  # WenQuanYi Micro Hei (1 is its monospaced twin)
font = subset.load_font(SOURCE, options)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=codepoints)
subsetter.subset(font)
subset.save_font(font, str(TARGET), options)
print(f"{TARGET}: {TARGET.stat().st_size} bytes, {len(codepoints)} code points requested")
