using System.Globalization;
using System.Numerics;

namespace Portal.Domain.Talent;

/// <summary>
/// A person, packed for scoring: place, when they can work, licence, the hourly pay they asked for
/// (0 when they did not say), and which training modules, programmes and roles (by index into the
/// caller's lists, at most 64 modules and roles and 32 programmes) they hold, want, or have on a
/// saved route.
/// </summary>
public readonly record struct MatchCandidate(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence,
    ulong ModulesHeld, ulong RolesWanted, ulong RolesOnSavedRoute, uint ProgrammesHeld = 0, float PayAsked = 0f);

/// <summary>An open vacancy, packed the same way.</summary>
public readonly record struct MatchVacancy(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicenceRequired,
    ulong ModulesRequired, int RoleIndex, uint ProgrammesRequired = 0, float HourlyPay = 0f);

/// <summary>A scored pair, with the facts its reasons are written from.</summary>
public readonly record struct MatchScore(
    float Score, float Miles, int ModulesHeld, int ModulesRequired, float DaysFit, bool RoleWanted, bool OnSavedRoute,
    int ProgrammesHeld = 0, int ProgrammesRequired = 0, float PayAsked = 0f, float HourlyPay = 0f);

/// <summary>Who reads a match's reasons: the person, or a recruiter looking at the person.</summary>
public enum MatchSide
{
    Person,
    Recruiter,
}

/// <summary>
/// The two-sided match between a person and a vacancy. Hard requirements filter: too far (over
/// <see cref="MaxMiles"/>), a driving licence the job needs and the person lacks, or no shift the
/// person can work. Soft ones score, from 0 to 100: nearness (30), days that fit (20), required
/// training and qualifications held (25), pay against what the person asked (10), and the role
/// being one they want (10) or on their saved route (5). Pure and allocation-free, so a full run can
/// score millions of pairs a second.
/// </summary>
public static class Matching
{
    public const float MaxMiles = 20f;

    /// <summary>Pay this far below what the person asked scores nothing for pay.</summary>
    private const float PayShortfallAtZero = 0.2f;

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
        var programmesRequired = BitOperations.PopCount(job.ProgrammesRequired);
        var programmesHeld = BitOperations.PopCount(job.ProgrammesRequired & person.ProgrammesHeld);
        var allRequired = required + programmesRequired;
        var trainingFit = allRequired == 0 ? 1f : (held + programmesHeld) / (float)allRequired;
        var payFit = person.PayAsked <= 0f || job.HourlyPay >= person.PayAsked ? 1f
            : MathF.Max(0f, 1f - ((person.PayAsked - job.HourlyPay) / (person.PayAsked * PayShortfallAtZero)));
        var roleBit = 1UL << job.RoleIndex;
        var wanted = (person.RolesWanted & roleBit) != 0;
        var onRoute = (person.RolesOnSavedRoute & roleBit) != 0;

        var score = (30f * (1f - (miles / MaxMiles))) + (20f * daysFit) + (25f * trainingFit) + (10f * payFit) + (wanted ? 10f : 0f) + (onRoute ? 5f : 0f);
        return new MatchScore(score, miles, held, required, daysFit, wanted, onRoute, programmesHeld, programmesRequired, person.PayAsked, job.HourlyPay);
    }

    /// <summary>
    /// The reasons, most telling first: for the person "3.2 miles away; you hold 4 of 5 required
    /// modules; the shift pattern fits", for a recruiter "3.2 miles away; holds 4 of 5 required
    /// modules; free on all of its days".
    /// </summary>
    public static IReadOnlyList<string> Reasons(MatchScore score, MatchSide side = MatchSide.Person)
    {
        var person = side == MatchSide.Person;
        var holds = person ? "you hold" : "holds";
        var reasons = new List<string>
        {
            score.Miles < 0.1f ? (person ? "in your area" : "lives in the area") : string.Create(CultureInfo.InvariantCulture, $"{score.Miles:0.0} miles away"),
            score.ModulesRequired == 0 ? "no training is required before starting"
                : score.ModulesHeld == score.ModulesRequired ? $"{holds} all {score.ModulesRequired} required modules"
                : $"{holds} {score.ModulesHeld} of {score.ModulesRequired} required modules",
        };
        if (score.ProgrammesRequired > 0)
        {
            reasons.Add(score.ProgrammesHeld == score.ProgrammesRequired
                ? $"{holds} the required {(score.ProgrammesRequired == 1 ? "qualification" : "qualifications")}"
                : $"{holds} {score.ProgrammesHeld} of {score.ProgrammesRequired} required qualifications");
        }
        reasons.Add(person
            ? score.DaysFit >= 1f ? "the shift pattern fits" : score.DaysFit >= 0.5f ? "the shift pattern mostly fits" : "some of the days fit"
            : score.DaysFit >= 1f ? "free on all of its days" : score.DaysFit >= 0.5f ? "free on most of its days" : "free on some of its days");
        if (score.PayAsked > 0f)
        {
            var asked = Pounds(score.PayAsked);
            reasons.Add(person
                ? score.HourlyPay >= score.PayAsked ? $"it pays {Pounds(score.HourlyPay)} an hour, at least the {asked} you asked" : $"it pays {Pounds(score.HourlyPay)} an hour, less than the {asked} you asked"
                : score.HourlyPay >= score.PayAsked ? $"asks {asked} an hour, which the job pays" : $"asks {asked} an hour, more than the job pays");
        }
        if (score.RoleWanted)
            reasons.Add(person ? "it is a job you want" : "wants this kind of job");
        if (score.OnSavedRoute)
            reasons.Add(person ? "it is on your saved career route" : "it is on their saved career route");
        return reasons;
    }

    /// <summary>Best first; ties broken by the caller's stable id order, so a run always gives the same list.</summary>
    public static int Compare(MatchScore a, int aId, MatchScore b, int bId)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : aId.CompareTo(bId);
    }

    private static string Pounds(float amount) => string.Create(CultureInfo.InvariantCulture, $"\u00a3{amount:0.00}");
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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Row, int Column), int[]> _near = new();
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

    /// <summary>Indexes of the vacancies that could be within reach of a place, in ascending order; shared, so do not change it.</summary>
    public int[] Near(float latitude, float longitude) => _near.GetOrAdd(Cell(latitude, longitude), cell =>
    {
        var near = new List<int>();
        for (var r = cell.Row - 1; r <= cell.Row + 1; r++)
        {
            for (var c = cell.Column - 1; c <= cell.Column + 1; c++)
            {
                if (_cells.TryGetValue((r, c), out var list))
                    near.AddRange(list);
            }
        }
        near.Sort();
        return [.. near];
    });

    private (int Row, int Column) Cell(float latitude, float longitude) =>
        ((int)MathF.Floor(latitude / CellDegreesLatitude), (int)MathF.Floor(longitude / _cellDegreesLongitude));
}
