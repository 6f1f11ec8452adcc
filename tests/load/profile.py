#!/usr/bin/python3
"""Summarises a CPU profile of the portal under load: Linux perf's samples (`perf script` text, with
DOTNET_PerfMapEnabled=1 naming the JIT-compiled methods) or dotnet-trace's sampled thread time
(Speedscope JSON).

Threads waiting for work (the thread pool's idle workers, the socket event loop, timers, Hangfire's
sleeping workers, file watchers) are left out: what remains is managed code running, and native
code called from a request (SQLite, OpenSSL, socket writes), which on a core kept busy by wrk is CPU. Prints a Markdown summary: the share of that time in each part of the request
(the buckets below, by a frame anywhere on the stack, first match wins in the order listed), then
the methods with the most inclusive and exclusive time.

usage: profile.py TRACE.speedscope.json|TRACE.stacks "Page name"
"""
import json, re, sys
from collections import Counter

path, title = sys.argv[1], sys.argv[2]

IDLE = re.compile(r"LowLevelLifoSemaphore|SocketAsyncEngine\.EventLoop|WaitHandle\.Wait|Monitor\.Wait|Thread\.Sleep|"
                  r"GateThread|TimerQueue\.TimerThread|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait\(|Task\.Wait|"
                  r"Task\.InternalWait|WaitForPendingFinalizers|FinalizerThread|Hangfire\.|ThreadPoolTypedWorkItemQueue|"
                  r"EventPipe|DiagnosticServer|Console|StackFrameIterator|UnixConsoleStream|FileSystemWatcher")

REQUEST = re.compile(r"Microsoft\.AspNetCore|Portal\.|EntityFrameworkCore|Sqlite|Npgsql|System\.Net\.Sockets")

# Where a request's time goes: each sample goes to the part of the request named by the frame
# nearest the running code (the middleware nest every request, so an outer frame says little).
BUCKETS = [
    ("Session store (ticket read, database row, cache)", r"SessionTicketStore"),
    ("Security stamp validation", r"SecurityStampValidator"),
    ("Cookie authentication (cookie decryption, principal)", r"CookieAuthenticationHandler|AuthenticationHandler`1"),
    ("Authorization (policies, two-factor requirement)", r"PolicyEvaluator|AuthorizationHandler|DefaultAuthorizationService|AuthorizationMiddleware"),
    ("Antiforgery (tokens, cookie)", r"Antiforgery"),
    ("Rate limiter", r"RateLimit"),
    ("Layout and shared partials (Razor)", r"_Layout|Pages_Shared|Views_Shared"),
    ("Page handler (its queries and services)", r"\.On(Get|Post)[A-Za-z]*Async|\.On(Get|Post)\b|Portal\.Infrastructure"),
    ("Page view (Razor)", r"AspNetCoreGeneratedDocument|RazorPageBase|RazorView|TagHelper|ViewBuffer|PageResultExecutor"),
    ("Output caching", r"OutputCache"),
    ("Routing, filters and model binding", r"Routing|DfaMatcher|ModelBind|ResourceInvoker|PageActionInvoker|ControllerActionInvoker"),
    ("Response writing and compression", r"ResponseCompression|Http1OutputProducer|ResponseBody"),
    ("Kestrel (parsing, connections)", r"Kestrel"),
]
# Costs that run through several parts: their share of all the busy time, wherever it happened.
ACROSS = [
    ("EF Core and the database driver", r"EntityFrameworkCore|Microsoft\.Data\.Sqlite|Npgsql|SQLitePCL"),
    ("Data protection (encrypting and decrypting cookies, tickets, tokens)", r"DataProtection"),
    ("Claims and principals", r"ClaimsPrincipal|ClaimsIdentity|TicketSerializer"),
    ("Dependency injection (resolving services)", r"DependencyInjection"),
    ("Logging", r"Microsoft\.Extensions\.Logging"),
    ("Garbage collection", r"\bGC\b|gc_heap|GarbageCollect|GCHeap"),
]
across = [(name, re.compile(pattern)) for name, pattern in ACROSS]
across_time = Counter()
buckets = [(name, re.compile(pattern)) for name, pattern in BUCKETS]

OTHER = "Other (thread pool, async machinery, runtime)"


def speedscope_samples(path):
    """(stack root first, weight in ms) for each stretch of a thread's evented profile."""
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    scale = 1000.0 if data["profiles"] and data["profiles"][0].get("unit") == "seconds" else 1.0
    for profile in data["profiles"]:
        if profile.get("type") != "evented":
            continue
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                names = [frames[i] for i in stack]
                # The sampler ends each stack in CPU_TIME (managed code running) or UNMANAGED_CODE_TIME
                # (native code: a wait, or real work such as SQLite, OpenSSL or a socket write).
                if names[-1] == "CPU_TIME" or REQUEST.search("\n".join(names)):
                    yield names, (at - last) * scale
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif event["type"] == "C" and stack:
                stack.pop()


def perf_samples(path):
    """(stack root first, weight in ms) for each `perf script` sample: every sample is CPU."""
    stack, period = [], 0.0
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line.strip():
            if stack:
                yield list(reversed(stack)), period
            stack = []
        elif line[0] in " \t":
            parts = line.strip().split(" ", 1)
            symbol = parts[1] if len(parts) > 1 else parts[0]
            symbol = re.sub(r"\s*\([^()]*\)$", "", symbol)          # the (dso) at the end
            symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
            symbol = re.sub(r"\[(OptimizedTier1|Optimized|Tier0|Tier1|QuickJitted|OSR|PreJIT|Instrumented)[^\]]*\]", "", symbol).strip()
            stack.append(symbol or "[unknown]")
        else:
            found = re.search(r":\s+(\d+)\s+\S+:\s*$", line)
            period = int(found.group(1)) / 1e6 if found else 1.0     # cpu-clock periods are in ns
    if stack:
        yield list(reversed(stack)), period


inclusive, exclusive, bucket_time = Counter(), Counter(), Counter()
busy = 0.0
for names, span in (perf_samples(path) if not path.endswith(".json") else speedscope_samples(path)):
    if any(IDLE.search(n) for n in names):
        continue
    busy += span
    for n in set(names):
        inclusive[n] += span
    exclusive[names[-1]] += span
    bucket_time[next((b for n in reversed(names) for b, rx in buckets if rx.search(n)), OTHER)] += span
    joined = "\n".join(names)
    for name, rx in across:
        if rx.search(joined):
            across_time[name] += span


def method(name):
    """The method's own name: without perf's "instance void [Assembly]" or dotnet-trace's "Assembly!" prefix."""
    name = re.sub(r"^(instance |static )?([\w.`<>\[\],]+ )?\[[^\]]+\] ", "", name)
    return name.split("!", 1)[-1]


def short(name, width=110):
    name = re.sub(r"\(.*\)$", "", method(name))
    return name if len(name) <= width else "..." + name[-width:]


print(f"### {title}\n")
print(f"Busy time sampled: {busy / 1000:.1f} s.\n")
print("| Part of the request | Share |\n|---|---:|")
for name, _ in BUCKETS + [(OTHER, None)]:
    if bucket_time[name]:
        print(f"| {name} | {100 * bucket_time[name] / busy:.0f}% |")
print("\n| Across those parts | Share |\n|---|---:|")
for name, _ in ACROSS:
    print(f"| {name} | {100 * across_time[name] / busy:.0f}% |")
print("\nTop methods by inclusive time (leaving out the generic and the middleware every request passes):\n")
print("| Method | Inclusive |\n|---|---:|")
generic = re.compile(r"^(System\.Threading|System\.Runtime\.CompilerServices|Microsoft\.AspNetCore\.Server\.Kestrel|Thread|UNMANAGED|CPU_TIME|System\.Private|\(Non-Activities\)|Process|\[|\?)"
                     r"|Middleware|ResourceInvoker|PageActionInvoker|lambda_method|AccessRefusalAudit|AuthenticationService|start_thread|entry_SYSCALL|do_syscall|AsyncMethodBuilderCore")
shown = 0
for name, t in inclusive.most_common():
    if generic.search(method(name)):
        continue
    print(f"| `{short(name)}` | {100 * t / busy:.0f}% |")
    shown += 1
    if shown == 30:
        break
print("\nTop methods by exclusive time:\n")
print("| Method | Exclusive |\n|---|---:|")
for name, t in exclusive.most_common(15):
    if t / busy < 0.005:
        break
    print(f"| `{short(name)}` | {100 * t / busy:.1f}% |")
print()
