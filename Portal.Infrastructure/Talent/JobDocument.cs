using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

/// <summary>What a search needs of one published vacancy.</summary>
public sealed record JobDocument(
    Guid Id, string Title, string OrganisationName, string CareerRole, string District, double Latitude, double Longitude,
    decimal HourlyPay, decimal HoursPerWeek, DateOnly ClosingDate, DateTime PublishedAtUtc, DateTime UpdatedAtUtc,
    bool GuaranteedHours, bool PaidTravelTime, PayBasis PayBasis, ShiftTimes Shifts, IReadOnlyList<string> Badges,
    string[] TitleWords, string[] DescriptionWords,
    WorkDays Days, bool DrivingLicenceRequired, IReadOnlyList<string> RequiredModules, IReadOnlyList<string> RequiredProgrammes)
{
    public static JobDocument From(Vacancy vacancy, string organisationName, IReadOnlyList<string> badges)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var d = vacancy.Details;
        return new JobDocument(vacancy.Id, d.Title, organisationName, d.CareerRole, d.Location.District, d.Location.Latitude, d.Location.Longitude,
            d.HourlyPay, d.HoursPerWeek, d.ClosingDate, vacancy.PublishedAtUtc ?? vacancy.UpdatedAtUtc, vacancy.UpdatedAtUtc,
            d.GuaranteedHours, d.PaidTravelTime, d.PayBasis, d.Shifts, badges, Words.Of(d.Title), Words.Of(d.DescriptionMarkdown),
            d.Days, d.DrivingLicenceRequired, d.RequiredModules, d.RequiredProgrammes);
    }
}
