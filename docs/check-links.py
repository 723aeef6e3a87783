#!/usr/bin/env python3
"""Every relative Markdown link in the repository must resolve inside it (file and #anchor)."""
import os, re, sys, unicodedata
root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
def slug(h):
    h = h.strip().lower()
    h = re.sub(r'[`*_~]', '', h)
    h = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', h)
    h = ''.join(c for c in h if c.isalnum() or c in ' -' or unicodedata.category(c).startswith('L'))
    return h.replace(' ', '-')
def anchors(path):
    out, fence = set(), False
    for line in open(path, encoding='utf-8'):
        if line.lstrip().startswith('```'):
            fence = not fence; continue
        m = None if fence else re.match(r'#{1,6}\s+(.*?)\s*#*\s*$', line)
        if m: out.add(slug(m.group(1)))
    return out
bad = 0
for d, dirs, files in os.walk(root):
    dirs[:] = [x for x in dirs if x not in ('target', '.git', 'node_modules')]
    for f in files:
        if not f.endswith('.md'): continue
        p = os.path.join(d, f); text = open(p, encoding='utf-8').read()
        text = re.sub(r'```.*?```', '', text, flags=re.S)
        text = re.sub(r'`[^`\n]*`', '', text)
        for m in re.finditer(r'\]\(([^)\s]+)(?:\s+"[^"]*")?\)', text):
            link = m.group(1)
            if re.match(r'[a-z]+:', link): continue  # http:, https:, mailto:
            target, _, frag = link.partition('#')
            tp = os.path.normpath(os.path.join(d, target)) if target else p
            rel = os.path.relpath(p, root)
            if not (tp == root or tp.startswith(root + os.sep)):
                print(f'{rel}: {link}: outside the repository'); bad += 1; continue
            if not os.path.exists(tp):
                print(f'{rel}: {link}: no such file'); bad += 1; continue
            if frag and tp.endswith('.md') and frag not in anchors(tp):
                print(f'{rel}: {link}: no heading #{frag}'); bad += 1
print(f'{bad} broken link(s)'); sys.exit(1 if bad else 0)
