#!/usr/bin/python3
"""A render killed by a signal leaves no temporary file behind.

    signal-check.py BROCHURE DIR CASE

CASE is render-TERM, render-INT or render-HUP (300 records in four
formats as PNG into a folder), print-TERM (a print PDF through cairo's
writer, signalled while qpdf adds its print boxes: two temporaries at
once) or watch-HUP
(`brochure watch`, whose SIGINT and SIGTERM wait for the render, dies of
SIGHUP).  The script waits until a `.brochure-*` temporary exists (by
polling the folder; the poll count only guards against a hang), sends
the signal, and checks: the program died of it (a shell shows 128+N),
no temporary is left, and the files there before are untouched.
Prints what failed; exit 1.
"""
import os
import signal
import subprocess
import sys
import time

brochure, root, case = sys.argv[1], sys.argv[2], sys.argv[3]
kind, signame = case.split('-')
sig = getattr(signal, 'SIG' + signame)
here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
FORMATS = []
for l in ('social-square', 'social-portrait', 'social-story', 'og'):
    FORMATS += ['-l', os.path.join(repo, 'layouts', l + '.yaml')]
# A poll every 2 ms, 30000 at most: a runaway guard (a minute), not a
# timing assertion; the temporary shows within a second.
POLLS = 30000

data = os.path.join(root, 'd300.yaml')
if not os.path.exists(data):
    subprocess.run([os.path.join(repo, 'scripts', 'gendata'), '300', data],
                   check=True)
out = os.path.join(root, case)
os.makedirs(out)
# Files there before: one the render never writes, one it would write
# last (record 300), one it would write first.
before = {'keep.txt': b'keep\n', 'intern00300-og.png': b'old\n',
          'intern00001-og.png': b'old\n', 'print.pdf': b'old\n'}
for name, text in before.items():
    with open(os.path.join(out, name), 'wb') as f:
        f.write(text)

if kind == 'render':
    argv = [brochure, 'render', data] + FORMATS + ['-o', out + '/', '-j', '2']
    want = 1
elif kind == 'print':
    argv = [brochure, 'render', data, '-l',
            os.path.join(repo, 'layouts', 'brochure-a5-print.yaml'),
            '-o', os.path.join(out, 'print.pdf'), '-j', '2',
            '--pdf-writer', 'cairo']
    want = 2    # the PDF and the copy qpdf writes with the print boxes
else:
    argv = [brochure, 'watch', data] + FORMATS + ['-o', out + '/', '-j', '2']
    want = 1


def default_signals():
    # A shell starts background commands with SIGINT ignored, and nohup
    # ignores SIGHUP; brochure keeps a signal ignored, so reset them.
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


def temporaries():
    return sorted(n for n in os.listdir(out) if n.startswith('.brochure-'))


p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                     preexec_fn=default_signals)
seen = []
for _ in range(POLLS):
    seen = temporaries()
    if len(seen) >= want or p.poll() is not None:
        break
    time.sleep(0.002)
if len(seen) < want:
    p.kill()
    p.wait()
    sys.exit('%s: never saw %d temporar%s (status %s)' % (
        case, want, 'y' if want == 1 else 'ies', p.returncode))
p.send_signal(sig)
_, err = p.communicate()
bad = []
if p.returncode != -sig:
    bad.append('status %s, not 128+%d (killed by SIG%s): %s' % (
        p.returncode, sig, signame, err.decode(errors='replace')[-400:]))
left = temporaries()
if left:
    bad.append('temporaries left: %s (seen before the signal: %s)' % (
        ' '.join(left), ' '.join(seen)))
for name, text in before.items():
    with open(os.path.join(out, name), 'rb') as f:
        got = f.read()
    # A file the render replaced before the signal is whole.
    if got != text and not (name.endswith('.png') and
                            got.startswith(b'\x89PNG') and
                            got.endswith(b'IEND\xaeB`\x82')):
        bad.append('%s changed: %r' % (name, got[:40]))
for name in os.listdir(out):
    if name.endswith('.png') and name not in before:
        with open(os.path.join(out, name), 'rb') as f:
            got = f.read()
        if not got.endswith(b'IEND\xaeB`\x82'):
            bad.append('%s is not a whole PNG' % name)
if bad:
    sys.exit('%s: %s' % (case, '; '.join(bad)))
