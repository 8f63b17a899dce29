"""Prints the gateway benchmark's table from Gatling's report (js/stats.js) and the CPU marks the simulation wrote
between its steps (GatewaySimulation.mark): per step p50, p99, max (ms, errors included) and errors; per rate the
gateway's added p99 and CPU per request of the gateway and of the services.

usage: report.py <report>/js/stats.js marks.txt <clock ticks per second>"""
import json, re, sys

stats_path, marks_path, hz = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(stats_path).read()

# stats.js is a JavaScript literal; each request's "stats: {...}" block inside it is JSON.
steps = {}
for m in re.finditer(r'\bstats: \{', text):
    i, depth = m.end() - 1, 0
    for j in range(i, len(text)):
        depth += {'{': 1, '}': -1}.get(text[j], 0)
        if depth == 0:
            block = json.loads(text[i:j + 1])
            steps[block['name']] = block
            break

# marks: one line per step start (and "end"): epoch ms, the step starting, name=ticks ..., cases=n
marks = []
for line in open(marks_path):
    cols = line.rstrip('\n').split('\t')
    marks.append((int(cols[0]), cols[1], {k: int(v) for k, v in (c.split('=', 1) for c in cols[2:])}))
cpu, partial = {}, {}
for (t0, name, c0), (t1, _, c1) in zip(marks, marks[1:]):
    cpu[name] = ((t1 - t0) / 1000, {k: (c1[k] - c0[k]) / hz for k in c0 if k not in ('cases', 'partial')})
    partial[name] = c1.get('partial', 0) - c0.get('partial', 0)

def num(block, key, kind='total'):
    v = block[key][kind]
    return int(v) if v not in ('-', None) else None

rows = []
for name, block in steps.items():
    parsed = re.match(r'(\d+) (\w+) (\w+) (\d+)/s( warm-up)?$', name)
    if not parsed:
        continue
    _, kind, target, rate, warm = parsed.groups()
    n = num(block, 'numberOfRequests')
    seconds, used = cpu.get(name, (None, {}))
    rows.append(dict(name=name, kind=kind, target=target, rate=int(rate), warm=bool(warm), n=n,
                     ko=num(block, 'numberOfRequests', 'ko'), p50=num(block, 'percentiles1'),
                     p99=num(block, 'percentiles3'), max=num(block, 'maxResponseTime'), seconds=seconds, used=used))

print('Latency per step (ms, Gatling: whole milliseconds, errors included), CPU per request (ms, /proc/<pid>/stat):')
print(f"{'step':<34} {'requests':>8} {'errors':>6} {'p50':>6} {'p99':>6} {'max':>6}  {'gateway':>8} {'case-svc':>8} {'others':>7} {'machine':>8}  partial")
for r in rows:
    u, n = r['used'], max(r['n'], 1)
    others = sum(v for k, v in u.items() if k not in ('gateway', 'case-service', 'gatling', 'machine'))
    cell = lambda v: f"{1000 * v / n:8.2f}" if u else f"{'-':>8}"
    print(f"{r['name']:<34} {r['n']:>8} {r['ko']:>6} {r['p50']:>6} {r['p99']:>6} {r['max']:>6}  "
          f"{cell(u.get('gateway', 0))} {cell(u.get('case-service', 0))} {1000 * others / n if u else 0:7.2f} {cell(u.get('machine', 0))}"
          f"  {partial.get(r['name'], 0) if r['kind'] == 'overview' and r['target'] == 'gateway' else ''}")

print()
print('Straight to the service vs through the gateway (the same rate, the same run):')
print(f"{'kind':<9} {'rate':>5} | {'direct p50/p99/max':>20} {'err':>5} | {'gateway p50/p99/max':>20} {'err':>5} | "
      f"{'added p99':>9} | {'service CPU/req':>15} {'gateway CPU/req':>15} {'gw/svc':>7}")
by = {(r['kind'], r['target'], r['rate']): r for r in rows if not r['warm']}
for (kind, target, rate) in sorted({(k, 'direct', ra) for k, _, ra in by}, key=lambda x: (x[0], x[2])):
    d, g = by.get((kind, 'direct', rate)), by.get((kind, 'gateway', rate))
    if not d or not g:
        continue
    svc = 1000 * d['used'].get('case-service', 0) / max(d['n'], 1) if d['used'] else float('nan')
    gw = 1000 * g['used'].get('gateway', 0) / max(g['n'], 1) if g['used'] else float('nan')
    print(f"{kind:<9} {rate:>5} | {d['p50']:>6} {d['p99']:>6} {d['max']:>6} {d['ko']:>5} | {g['p50']:>6} {g['p99']:>6} {g['max']:>6} "
          f"{g['ko']:>5} | {g['p99'] - d['p99']:>+9} | {svc:>12.2f} ms {gw:>12.2f} ms {100 * gw / svc if svc else float('nan'):>6.0f} %")
