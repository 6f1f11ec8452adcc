namespace Portal.Domain.Training;

/// <summary>
/// Which refresh interval applies to a completion: the one place that decides it, so a person's
/// record, their reminders, matching, route plans, certificates and an employer's matrix never
/// disagree about whether the same completion is still in date. Modules carry a default; an
/// organisation may set its own (safeguarding yearly instead of every three years), including "once
/// is enough" (null).
/// </summary>
public sealed class RefreshPolicy
{
    private readonly IReadOnlyDictionary<string, int?> _defaults;

    // The own intervals of each organisation whose rules apply; none means the module defaults alone.
    // An array, so asking for a module's months (22,000 times a matrix view) allocates no enumerator.
    private readonly IReadOnlyDictionary<string, int?>[] _organisations;

    /// <summary>The modules' own intervals alone.</summary>
    /// <param name="defaults">Months by module slug; null when once is enough.</param>
    public RefreshPolicy(IReadOnlyDictionary<string, int?> defaults)
        : this(defaults, [])
    {
    }

    private RefreshPolicy(IReadOnlyDictionary<string, int?> defaults, IReadOnlyDictionary<string, int?>[] organisations)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = defaults;
        _organisations = organisations;
    }

    /// <summary>
    /// One organisation's intervals, for what it sees of its staff (the matrix, sign-offs, overdue
    /// required training): its own where it set one, otherwise the module's.
    /// </summary>
    /// <param name="ownIntervals">The organisation's own months by module slug (null: once is enough).</param>
    public RefreshPolicy ForOrganisation(IReadOnlyDictionary<string, int?> ownIntervals)
    {
        ArgumentNullException.ThrowIfNull(ownIntervals);
        return new(_defaults, [ownIntervals]);
    }

    /// <summary>
    /// A person's intervals, for everything about their own training (their record, reminders,
    /// matching, route plans, certificates): the module's when they work for no one; otherwise the
    /// shortest of their employers' intervals, because training one employer counts as run out is
    /// not held for that job. An employer's "once is enough" is the least demanding, not a veto.
    /// </summary>
    /// <param name="employersOwnIntervals">Each current employer's own months by module slug; an employer that set none gives an empty map.</param>
    public RefreshPolicy ForPerson(IEnumerable<IReadOnlyDictionary<string, int?>> employersOwnIntervals)
    {
        ArgumentNullException.ThrowIfNull(employersOwnIntervals);
        return new(_defaults, [.. employersOwnIntervals]);
    }

    /// <summary>Months until a completion of the module should be done again; null when once is enough (or the module is unknown).</summary>
    public int? MonthsFor(string moduleSlug)
    {
        var moduleDefault = _defaults.TryGetValue(moduleSlug, out var months) ? months : null;
        if (_organisations.Length == 0)
            return moduleDefault;
        int? shortest = null;
        foreach (var own in _organisations)
        {
            var theirs = own.TryGetValue(moduleSlug, out var set) ? set : moduleDefault;
            if (theirs is { } value && (shortest is null || value < shortest))
                shortest = value;
        }
        return shortest;
    }
}
