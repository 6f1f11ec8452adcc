using System.Globalization;

namespace Portal.Domain.Notifications;

/// <summary>What the outbox holds at one moment, as an operator's page and monitoring both see it.</summary>
/// <param name="Leased">Pending messages a delivery run holds right now (being sent).</param>
public sealed record OutboxHealth(int Pending, int Leased, int SentLastHour, int SentLastDay, DateTime? OldestPendingCreatedUtc, int DeadLetters)
{
    public TimeSpan? OldestPendingAge(DateTime utcNow) =>
        OldestPendingCreatedUtc is { } created ? (created < utcNow ? utcNow - created : TimeSpan.Zero) : null;

    /// <summary>
    /// Why mail needs someone now, or nothing: mail has waited longer than <paramref name="pendingLimit"/>
    /// (the server is down, or refusing us), or dead letters wait for an admin to retry or discard them.
    /// </summary>
    public IReadOnlyList<string> Problems(DateTime utcNow, TimeSpan pendingLimit)
    {
        var problems = new List<string>();
        if (OldestPendingAge(utcNow) is { } age && age > pendingLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the oldest unsent message has waited {(int)age.TotalMinutes} minutes (more than {(int)pendingLimit.TotalMinutes})"));
        }

        if (DeadLetters > 0)
            problems.Add(DeadLetters == 1 ? "1 message could not be delivered" : string.Create(CultureInfo.InvariantCulture, $"{DeadLetters} messages could not be delivered"));
        return problems;
    }
}
