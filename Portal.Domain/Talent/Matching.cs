using System.Globalization;
using System.Numerics;

namespace Portal.Domain.Talent;

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

    internal const float MilesPerDegreeLatitude = 69.05f;

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
