namespace Portal.Domain.Talent;

/// <summary>
/// The best <c>capacity</c> of a stream of scored ids, best first with ids breaking ties, in the
/// order <see cref="Matching.Compare"/> gives. Offers below the current worst cost one comparison.
/// </summary>
public sealed class TopMatches(int capacity)
{
    private readonly float[] _scores = new float[capacity];
    private readonly int[] _ids = new int[capacity];

    public int Count { get; private set; }

    public int Capacity => capacity;

    /// <summary>The lowest kept score when full; -1 when there is room, so anything gets in.</summary>
    public float Cutoff => Count == capacity ? _scores[Count - 1] : -1f;

    /// <summary>Whether an offer would be kept: callers check this before any costlier test.</summary>
    public bool WouldKeep(float score, int id) => Count < capacity || Better(score, id, _scores[Count - 1], _ids[Count - 1]);

    public void Offer(float score, int id)
    {
        if (!WouldKeep(score, id))
            return;
        var at = Count == capacity ? Count - 1 : Count++;
        while (at > 0 && Better(score, id, _scores[at - 1], _ids[at - 1]))
        {
            _scores[at] = _scores[at - 1];
            _ids[at] = _ids[at - 1];
            at--;
        }
        _scores[at] = score;
        _ids[at] = id;
    }

    public void Clear() => Count = 0;

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    public ReadOnlySpan<float> Scores => _scores.AsSpan(0, Count);

    private static bool Better(float score, int id, float otherScore, int otherId) => score > otherScore || (score == otherScore && id < otherId);
}
