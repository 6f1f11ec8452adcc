namespace Portal.Infrastructure.Content;

/// <param name="NhsBand">Agenda for Change band, where the role has one.</param>
public sealed record PayRange(decimal HourlyFrom, decimal HourlyTo, int? NhsBand)
{
    /// <summary>Where the figures come from and how firm they are (a published band, the legal minimum, an example), in plain words.</summary>
    public string? Note { get; init; }
}
