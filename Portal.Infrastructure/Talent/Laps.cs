using System.Diagnostics;

namespace Portal.Infrastructure.Talent;

/// <summary>Time per phase of a step, for its log line: where a shard's time goes is what sizing a run across nodes needs.</summary>
internal sealed class Laps
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<string> _laps = [];
    private TimeSpan _last;

    public int TotalMilliseconds => (int)_watch.ElapsedMilliseconds;

    public void Lap(string phase)
    {
        var now = _watch.Elapsed;
        _laps.Add($"{phase} {(now - _last).TotalMilliseconds:F0}");
        _last = now;
    }

    public override string ToString() => $"{string.Join(", ", _laps)} (ms)";
}
