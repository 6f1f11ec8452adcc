using System.Globalization;
using System.Numerics;

namespace Portal.Domain.Talent;

/// <summary>
/// A consenting person, packed for scoring: place, when they can work, licence, and which training
/// modules and which roles (by index into the caller's module and role lists, at most 64 of each) they
/// hold, want, or have on a saved route.
/// </summary>
public readonly record struct MatchCandidate(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence,
    ulong ModulesHeld, ulong RolesWanted, ulong RolesOnSavedRoute);

/// <summary>An open vacancy, packed the same way.</summary>
public readonly record struct MatchVacancy(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicenceRequired,
    ulong ModulesRequired, int RoleIndex);

/// <summary>A scored pair, with the facts its reasons are written from.</summary>
public readonly record struct MatchScore(float Score, float Miles, int ModulesHeld, int ModulesRequired, float DaysFit, bool RoleWanted, bool OnSavedRoute);

/// <summary>
/// The two-sided match between a person and a vacancy. Hard requirements filter: too far (over
/// <see cref="MaxMiles"/>), a driving licence the job needs and the person lacks, or no shift the
/// person can work. Soft ones score, from 0 to 100: nearness, days that fit, required training
/// held, and the role being one they want or have on a saved route. Pure and allocation-free, so a
/// full run can score millions of pairs a second.
/// </summary>
public static class Matching
{
    public const float MaxMiles = 20f;

    private const float MilesPerDegreeLatitude = 69.05f;

    /// <summary>Null when a hard requirement rules the pair out.</summary>
    public static MatchScore? Score(in MatchCandidate person, in MatchVacancy job)
    {
        if (job.DrivingLicenceRequired && !person.DrivingLicence)
            return null;
        if ((person.Shifts & job.Shifts) == 0)
            return null;
        // Flat-earth distance: within 20 miles it is within a few yards of the great circle.
        var dy = (person.Latitude - job.Latitude) * MilesPerDegreeLatitude;
        var dx = (person.Longitude - job.Longitude) * MilesPerDegreeLatitude * MathF.Cos(job.Latitude * (MathF.PI / 180f));
        var miles = MathF.Sqrt((dx * dx) + (dy * dy));
        if (miles > MaxMiles)
            return null;

        var jobDays = BitOperations.PopCount((uint)job.Days);
        var daysFit = jobDays == 0 ? 1f : BitOperations.PopCount((uint)(person.Days & job.Days)) / (float)jobDays;
        var required = BitOperations.PopCount(job.ModulesRequired);
        var held = BitOperations.PopCount(job.ModulesRequired & person.ModulesHeld);
        var trainingFit = required == 0 ? 1f : held / (float)required;
        var roleBit = 1UL << job.RoleIndex;
        var wanted = (person.RolesWanted & roleBit) != 0;
        var onRoute = (person.RolesOnSavedRoute & roleBit) != 0;

        var score = (35f * (1f - (miles / MaxMiles))) + (25f * daysFit) + (25f * trainingFit) + (wanted ? 10f : 0f) + (onRoute ? 5f : 0f);
        return new MatchScore(score, miles, held, required, daysFit, wanted, onRoute);
    }

    /// <summary>The reasons a person or a recruiter reads, in that order: "3.2 miles away; you hold 4 of 5 required modules; the shift pattern fits".</summary>
    public static IReadOnlyList<string> Reasons(MatchScore score)
    {
        var reasons = new List<string>
        {
            score.Miles < 0.1f ? "in your area" : string.Create(CultureInfo.InvariantCulture, $"{score.Miles:0.0} miles away"),
            score.ModulesRequired == 0 ? "no training is required before starting"
                : score.ModulesHeld == score.ModulesRequired ? $"you hold all {score.ModulesRequired} required modules"
                : $"you hold {score.ModulesHeld} of {score.ModulesRequired} required modules",
            score.DaysFit >= 1f ? "the shift pattern fits" : score.DaysFit >= 0.5f ? "the shift pattern mostly fits" : "some of the days fit",
        };
        if (score.RoleWanted)
            reasons.Add("it is a job you want");
        if (score.OnSavedRoute)
            reasons.Add("it is on your saved career route");
        return reasons;
    }

    /// <summary>Best first; ties broken by the caller's stable id order, so a run always gives the same list.</summary>
    public static int Compare(MatchScore a, int aId, MatchScore b, int bId)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : aId.CompareTo(bId);
    }
}

/// <summary>
/// Vacancies bucketed by place, so a person is scored only against vacancies in their own and the
/// neighbouring cells (cells a little over <see cref="Matching.MaxMiles"/> across) instead of all of
/// them. Nothing within reach is skipped, so the blocked top matches equal the brute-force ones.
/// </summary>
public sealed class MatchBlocks
{
    private const float CellDegreesLatitude = (Matching.MaxMiles + 1f) / 69.05f;
    private readonly Dictionary<(int Row, int Column), List<int>> _cells = [];
    private readonly float _cellDegreesLongitude;

    /// <param name="referenceLatitude">The area's latitude: sets how wide a cell is in longitude.</param>
    public MatchBlocks(IReadOnlyList<MatchVacancy> vacancies, float referenceLatitude)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        // Cells are sized at the area's widest point (nearest the equator) so none is under 20 miles across.
        _cellDegreesLongitude = CellDegreesLatitude / MathF.Cos((MathF.Abs(referenceLatitude) - 1f) * (MathF.PI / 180f));
        for (var i = 0; i < vacancies.Count; i++)
        {
            var cell = Cell(vacancies[i].Latitude, vacancies[i].Longitude);
            if (!_cells.TryGetValue(cell, out var list))
                _cells[cell] = list = [];
            list.Add(i);
        }
    }

    /// <summary>Indexes of the vacancies that could be within reach of a place, in ascending order.</summary>
    public IEnumerable<int> Near(float latitude, float longitude)
    {
        var (row, column) = Cell(latitude, longitude);
        var near = new List<int>();
        for (var r = row - 1; r <= row + 1; r++)
        {
            for (var c = column - 1; c <= column + 1; c++)
            {
                if (_cells.TryGetValue((r, c), out var list))
                    near.AddRange(list);
            }
        }
        near.Sort();
        return near;
    }

    private (int Row, int Column) Cell(float latitude, float longitude) =>
        ((int)MathF.Floor(latitude / CellDegreesLatitude), (int)MathF.Floor(longitude / _cellDegreesLongitude));
}
