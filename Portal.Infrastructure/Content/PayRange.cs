namespace Portal.Infrastructure.Content;

/// <param name="NhsBand">Agenda for Change band, where the role has one.</param>
public sealed record PayRange(decimal HourlyFrom, decimal HourlyTo, int? NhsBand);
