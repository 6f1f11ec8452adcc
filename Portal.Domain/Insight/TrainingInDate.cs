using Portal.Domain.Compliance;

namespace Portal.Domain.Insight;

/// <summary>
/// Required training in date, as published: of the training a member of staff's job requires at
/// their employer (modules and sign-offs), the share held at a month's end (done and not past its
/// refresher or review date, or recognised from a passport), and the share of staff with all of
/// theirs held. Both are worked out from the counts as <see cref="SmallNumbers"/> publishes them,
/// like every published share (<see cref="Turnover"/>), and a share about fewer than 5 staff is not
/// shown, however many items they hold between them.
/// </summary>
public static class TrainingInDate
{
    /// <summary>A person's standing on the topics their job requires: how many, and how many are held.</summary>
    public static (int Required, int Held) Tally(IEnumerable<ComplianceCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var (required, held) = (0, 0);
        foreach (var cell in cells)
        {
            required++;
            if (cell.Held)
                held++;
        }
        return (required, held);
    }

    /// <summary>Held items over required items (raw counts in), as a whole per cent; null for fewer than 5 staff or a held-back count.</summary>
    public static int? ItemsPercent(int staff, int held, int required) =>
        SmallNumbers.Show(staff).Value is > 0 ? Turnover.Share(SmallNumbers.Show(held), SmallNumbers.Show(required)) : null;

    /// <summary>Staff with everything held over staff counted (raw counts in), as a whole per cent; null when either is held back.</summary>
    public static int? StaffPercent(int staff, int allHeld) =>
        Turnover.Share(SmallNumbers.Show(allHeld), SmallNumbers.Show(staff));
}
