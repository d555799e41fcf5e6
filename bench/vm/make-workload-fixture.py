#!/usr/bin/env python3
"""make-workload-fixture.py KERNEL SCENARIO [NAME]

Turns a captured run of run-workload-proof.sh ($WORKLOAD_OUT, default backend/target/workload, /KERNEL/SCENARIO) into
resources/fixtures/NAME (default <major.minor>-SCENARIO): root/ = the captured tree, meta.json with
provenance "captured live", the kernel release, and the expect counts from the workload manifest.
Then regenerate expected-snapshot.json with
  mvn -B -q -o test -pl backend -Dtest=FixtureTest -Dgolden.update=true
"""
import json, os, re, shutil, sys

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
kernel, scenario = sys.argv[1], sys.argv[2]
src = os.path.join(os.environ.get('WORKLOAD_OUT', os.path.join(repo, 'backend/target/workload')), kernel, scenario)
m = json.load(open(os.path.join(src, 'manifest.json')))
release = m['kernelRelease']
short = re.match(r'(\d+\.\d+)', release).group(1)
name = sys.argv[3] if len(sys.argv) > 3 else '%s-%s' % (short, scenario)
dst = os.path.join(repo, 'resources/fixtures', name)
if os.path.exists(dst):
    shutil.rmtree(dst)
os.makedirs(dst)
shutil.copytree(os.path.join(src, 'root'), os.path.join(dst, 'root'), symlinks=True)
expect = dict(m['expect'])
expect['devices'] = 2
meta = {
    'kernelRelease': release,
    'kernelVersion': short,
    'provenance': 'captured live',
    'capturedAt': json.load(open(os.path.join(src, 'snapshot.json')))['capturedAt'],
    'command': 'bench/vm/run-workload-proof.sh %s  (scenario %s; `gemscope workload --scenario '
               'resources/workloads/%s.json --manifest ... --stop-file ...`, tree captured while it held)'
               % (kernel, scenario, scenario),
    'capturedWith': 'bench/vm/run-workload-proof.sh %s (QEMU, stock Debian kernel, vgem + virtio-gpu-pci); '
                    'tree by bench/vm/capture-tree.py while `gemscope workload --scenario resources/workloads/%s.json` held'
                    % (kernel, scenario),
    'scenario': m['description'],
    'expect': {k: expect[k] for k in ('devices', 'clients', 'dmabufs', 'dmabufBytes', 'attachments', 'holders',
                                       'mappings', 'flinkNames')},
    'groundTruth': {
        'processes': [{'name': p['name'], 'pid': p['pid'], 'drmFds': p['drmFds'], 'gemObjects': p['gemObjects'],
                       'dmaBufFds': p['dmaBufFds'], 'mappings': p['mappings'], 'fences': p['fences']}
                      for p in m['processes']],
        'dmaBufs': m['dmaBufs'],
        'failedCalls': m['failedCalls'],
    },
}
with open(os.path.join(dst, 'meta.json'), 'w') as f:
    json.dump(meta, f, indent=2)
    f.write('\n')
print(dst)
