#!/usr/bin/python3
"""Drives `brochure watch` on a starter project, as a user would.

    watch-check.py BROCHURE DIR

Renders, then: an edit of the data renders again with the change; a
broken save is reported and keeps the last good files; the repaired
save renders; an edit of the layout renders; a theme the layout comes
to include, in a folder beside the project, is watched too: an edit of
it renders; Ctrl-C (SIGINT) stops it with status 0.  Each step waits for watch's own line about it (the
timeout only guards against a hang).  Prints what failed; exit 1.
"""
import hashlib
import os
import select
import signal
import subprocess
import sys

brochure, root = sys.argv[1], sys.argv[2]
proj = os.path.join(root, 'proj')
subprocess.run([brochure, 'init', proj], check=True, stdout=subprocess.DEVNULL)
data = os.path.join(proj, 'data.yaml')
layout = os.path.join(proj, 'layout.yaml')
out = os.path.join(proj, 'out')
p = subprocess.Popen([brochure, 'watch', data, '-l', layout, '-o', out + '/'],
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
log = []
pending = b''


def wait_for(word):
    """The next line holding word; lines are read from the pipe itself
    (no buffered reader, whose buffer select() cannot see)."""
    global pending
    while True:
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            line = line.decode() + '\n'
            log.append(line)
            if word in line:
                return line
        r, _, _ = select.select([p.stdout], [], [], 60)
        if not r:
            sys.exit('watch-check: no "%s" line; got:\n%s' % (word, ''.join(log)))
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            sys.exit('watch-check: watch ended early:\n%s' % ''.join(log))
        pending += chunk


def digest():
    with open(os.path.join(out, 'minji.png'), 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def edit(path, old, new):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if old not in text:
        sys.exit('watch-check: %r not in %s' % (old, path))
    # As editors save: a new file renamed over the old one.
    with open(path + '.new', 'w', encoding='utf-8') as f:
        f.write(text.replace(old, new))
    os.rename(path + '.new', path)


fail = []
wait_for('] rendered')
first = digest()
edit(data, 'name: 김민지', 'name: 김민지 선임')
wait_for('] rendered')
second = digest()
if second == first:
    fail.append('an edit of the data did not change the card')
edit(data, 'people:', 'people: [')
wait_for('not rendered')
if not any('error:' in line for line in log[-3:]):
    fail.append('a broken save shows no error: ' + ''.join(log[-3:]))
if digest() != second:
    fail.append('a broken save changed the last good card')
if [f for f in os.listdir(out) if f.startswith('.')]:
    fail.append('a temporary file was left in the output folder')
edit(data, 'people: [', 'people:')
wait_for('] rendered')
edit(layout, 'size: 64px', 'size: 70px')
wait_for('] rendered')
if digest() == second:
    fail.append('an edit of the layout did not change the card')
third = digest()
theme = os.path.join(root, 'theme', 'theme.yaml')
os.makedirs(os.path.dirname(theme), exist_ok=True)
with open(theme, 'w', encoding='utf-8') as f:
    f.write('colors:\n  accent: "#00a0ff"\n')
edit(layout, '  accent: "#ffd400"\n', '')
edit(layout, 'page:', 'include: ../theme/theme.yaml\npage:')
wait_for('] rendered')
fourth = digest()
if fourth == third:
    fail.append('a layout that came to include a theme did not change the card')
edit(theme, '#00a0ff', '#00c060')
wait_for('] rendered')
if digest() == fourth:
    fail.append('an edit of the theme did not change the card')
p.send_signal(signal.SIGINT)
try:
    status = p.wait(60)
except subprocess.TimeoutExpired:
    p.kill()
    status = 'hung'
rest = (pending + p.stdout.read()).decode()
if status != 0 or 'stopped' not in rest:
    fail.append('Ctrl-C: status %s, last output %r' % (status, rest))
for f in fail:
    print('watch-check:', f)
sys.exit(1 if fail else 0)
