namespace Portal.Domain.Talent;

/// <summary>Where a vacancy is: the postcode as given, its district, and the district's centre.</summary>
public sealed record VacancyLocation(string Postcode, string District, double Latitude, double Longitude);
