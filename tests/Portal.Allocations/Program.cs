using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What a page allocates, from a dotnet-trace file taken with --profile gc-verbose while the page
// was kept busy: the runtime reports an allocation "tick" about every 100 KB a thread allocates,
// with the type and the stack of the object that crossed it, so the ticks are a sample of the
// bytes allocated, by type and by stack. Prints Markdown: totals, the collections, the types by
// share (small and large-object heap apart), and the stacks that allocated most.
//
//   dotnet run --project tests/Portal.Allocations -c Release -- FILE.nettrace [TITLE] [TOP]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Portal.Allocations FILE.nettrace [TITLE] [TOP]");
    return 2;
}
var file = args[0];
var title = args.Length > 1 ? args[1] : Path.GetFileNameWithoutExtension(file);
var top = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12;

using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(file));
var byType = new Dictionary<(string Type, string Heap), long>();
var byStack = new Dictionary<string, long>();
var collections = new SortedDictionary<int, int>();
double first = double.MaxValue, last = 0;
foreach (var e in log.Events)
{
    switch (e)
    {
        case GCAllocationTickTraceData tick:
            var key = (tick.TypeName ?? "?", tick.AllocationKind.ToString());
            byType[key] = byType.GetValueOrDefault(key) + tick.AllocationAmount64;
            first = Math.Min(first, tick.TimeStampRelativeMSec);
            last = Math.Max(last, tick.TimeStampRelativeMSec);
            var frames = new List<string>();
            for (var frame = tick.CallStack(); frame is not null && frames.Count < 8; frame = frame.Caller)
            {
                // The method's name without its parameters; the async machinery between methods left out.
                var method = frame.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(method) || method.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal))
                    continue;
                var name = method.IndexOf('(', StringComparison.Ordinal) is > 0 and var open ? method[..open] : method;
                if (frames.Count == 0 || frames[^1] != name)
                    frames.Add(name);
            }
            var stack = $"{key.Item1} ({key.Item2}) <- {string.Join(" <- ", frames)}";
            byStack[stack] = byStack.GetValueOrDefault(stack) + tick.AllocationAmount64;
            break;
        case GCStartTraceData start:
            collections[start.Depth] = collections.GetValueOrDefault(start.Depth) + 1;
            break;
    }
}

const double MiB = 1024 * 1024;
var total = byType.Values.Sum();
var seconds = Math.Max(0.001, (last - first) / 1000);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"### {title}: allocations"));
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"Sampled {total / MiB:F0} MiB over {seconds:F1} s ({total / MiB / seconds:F0} MiB/s); collections: {string.Join(", ", collections.Select(c => $"gen{c.Key} {c.Value}"))}."));
foreach (var heap in new[] { "Small", "Large", "Pinned" })
{
    var types = byType.Where(t => t.Key.Heap == heap).OrderByDescending(t => t.Value).ToList();
    if (types.Count == 0)
        continue;
    Console.WriteLine();
    Console.WriteLine(string.Create(invariant, $"| {heap} object heap: type | MiB | share |"));
    Console.WriteLine("|---|---:|---:|");
    foreach (var ((type, _), bytes) in types.Take(top))
        Console.WriteLine(string.Create(invariant, $"| `{type}` | {bytes / MiB:F1} | {100.0 * bytes / total:F1}% |"));
}
Console.WriteLine();
Console.WriteLine("| Stack (type <- where it was allocated, innermost first) | MiB | share |");
Console.WriteLine("|---|---:|---:|");
foreach (var (stack, bytes) in byStack.OrderByDescending(s => s.Value).Take(top))
    Console.WriteLine(string.Create(invariant, $"| `{stack.Replace("|", "/", StringComparison.Ordinal)}` | {bytes / MiB:F1} | {100.0 * bytes / total:F1}% |"));
return 0;
