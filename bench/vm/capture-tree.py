#!/usr/bin/env python3
"""capture-tree.py OUT PID...  (runs as root in the VM)

Copies the raw kernel files the collector reads into OUT, a tree that mirrors / (for --root and
the fixtures): bufinfo, debugfs dri/* (name, clients, gem_names, framebuffer, internal_clients,
proc_info; alias directories as symlinks), /sys/class/drm/* (uevent, dev, device link), the device
directories those links point at, osrelease, hostname, and for each PID comm, status, cmdline,
fd links (as symlinks), fdinfo and maps. Symlinks are rewritten relative to the captured location.
"""
import os, sys

out, pids = sys.argv[1], sys.argv[2:]

def put(path, data):
    dst = out + path
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, 'wb') as f:
        f.write(data)

def copy(path):
    try:
        with open(path, 'rb') as f:
            put(path, f.read())
    except OSError:
        pass

def link(path, target):
    dst = out + path
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.lexists(dst):
        os.remove(dst)
    os.symlink(target, dst)

for p in ('/proc/sys/kernel/osrelease', '/proc/sys/kernel/hostname', '/sys/kernel/debug/dma_buf/bufinfo'):
    copy(p)

DRI = '/sys/kernel/debug/dri'
WANT = {'name', 'clients', 'gem_names', 'framebuffer', 'internal_clients', 'proc_info'}
for e in sorted(os.listdir(DRI)):
    p = os.path.join(DRI, e)
    if os.path.islink(p):
        link(p, os.readlink(p))
        continue
    if not os.path.isdir(p):
        continue
    for f in sorted(os.listdir(p)):
        q = os.path.join(p, f)
        if os.path.islink(q):
            link(q, os.readlink(q))  # e.g. client-1/device -> ../0000:00:06.0
        elif f in WANT:
            copy(q)

devices = set()
CLASS = '/sys/class/drm'
for e in sorted(os.listdir(CLASS)):
    p = os.path.join(CLASS, e)
    if not os.path.isdir(p):
        copy(p)  # version
        continue
    for f in ('uevent', 'dev'):
        copy(os.path.join(p, f))
    d = os.path.join(p, 'device')
    if os.path.exists(d):
        real = os.path.realpath(d)
        link(d, os.path.relpath(real, p))
        devices.add(real)

for real in sorted(devices):
    for f in ('uevent', 'vendor', 'device', 'subsystem_vendor', 'subsystem_device', 'revision', 'class', 'boot_vga'):
        copy(os.path.join(real, f))
    drv = os.path.join(real, 'driver')
    if os.path.islink(drv):
        link(drv, os.path.relpath(os.path.realpath(drv), real))
    for c in sorted(os.listdir(real)):
        if c.startswith('virtio') and os.path.isdir(os.path.join(real, c)):
            v = os.path.join(real, c)
            for f in ('uevent', 'vendor', 'device'):
                copy(os.path.join(v, f))
            if os.path.islink(os.path.join(v, 'driver')):
                link(os.path.join(v, 'driver'), os.path.relpath(os.path.realpath(os.path.join(v, 'driver')), v))

for pid in pids:
    base = '/proc/%s' % pid
    for f in ('comm', 'status', 'cmdline', 'maps'):
        copy(os.path.join(base, f))
    for fd in sorted(os.listdir(base + '/fd'), key=int):
        try:
            link('%s/fd/%s' % (base, fd), os.readlink('%s/fd/%s' % (base, fd)))
        except OSError:
            continue
        copy('%s/fdinfo/%s' % (base, fd))

# Up to 6.6 the debugfs `clients` pid column is the id of the thread that opened the DRM file (a JVM
# opens from a non-main thread): keep that thread's status (its Tgid names the process) when it is a
# thread of a captured process.
for root, _, files in os.walk(DRI):
    if 'clients' not in files:
        continue
    try:
        rows = open(os.path.join(root, 'clients')).read().splitlines()[1:]
    except OSError:
        continue
    for row in rows:
        cols = row.split()
        if len(cols) < 2 or not cols[1].isdigit() or cols[1] in pids:
            continue
        try:
            status = open('/proc/%s/status' % cols[1]).read()
        except OSError:
            continue
        tgid = [l.split()[1] for l in status.splitlines() if l.startswith('Tgid:')]
        if tgid and tgid[0] in pids:
            put('/proc/%s/status' % cols[1], status.encode())
