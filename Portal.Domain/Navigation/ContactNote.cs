namespace Portal.Domain.Navigation;

public enum ContactMethod
{
    Phone,
    InPerson,
    Message,
}

/// <summary>
/// A navigator's short note of a contact with the person. Seen by the hub's navigators and by the
/// person themselves, so it is written to be read by them; never by an employer.
/// </summary>
public sealed class ContactNote
{
    public const int MaxTextLength = 1000;

    /// <summary>How long the author may correct or take back a note: long enough to fix a slip, short enough that the record stands.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromDays(1);

    private ContactNote()
    {
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateOnly On { get; private set; }
    public ContactMethod How { get; private set; }
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public DateTime WrittenAtUtc { get; private set; }

    /// <param name="today">The city's date now: a note is of a contact that has happened.</param>
    public static ContactNote Write(Guid caseId, DateOnly on, ContactMethod how, string text, string writtenBy, DateOnly today, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(writtenBy);
        if (Problem(on, text, today) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        return new ContactNote { CaseId = caseId, On = on, How = how, Text = text.Trim(), WrittenBy = writtenBy, WrittenAtUtc = utcNow };
    }

    /// <summary>Only the navigator who wrote it, and only within <see cref="ChangeWindow"/> of writing it.</summary>
    public bool CanChange(string userId, DateTime utcNow) => CanChange(WrittenBy, WrittenAtUtc, userId, utcNow);

    /// <inheritdoc cref="CanChange(string, DateTime)"/>
    public static bool CanChange(string writtenBy, DateTime writtenAtUtc, string userId, DateTime utcNow) =>
        !string.IsNullOrEmpty(userId) && writtenBy == userId && utcNow - writtenAtUtc <= ChangeWindow;

    /// <summary>The author corrects it; the time it was written stays, so the window does not restart.</summary>
    public void Change(string userId, DateOnly on, ContactMethod how, string text, DateOnly today, DateTime utcNow)
    {
        if (!CanChange(userId, utcNow))
            throw new InvalidOperationException("Only the navigator who wrote a note can change it, and only within a day.");
        if (Problem(on, text, today) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        On = on;
        How = how;
        Text = text.Trim();
    }

    public static (string Field, string Message)? Problem(DateOnly on, string? text, DateOnly today) =>
        string.IsNullOrWhiteSpace(text) ? ("Text", "Write what was said or agreed")
        : text.Trim().Length > MaxTextLength ? ("Text", $"Keep the note to {MaxTextLength} characters")
        : on > today ? ("On", "A note is of a contact that has happened: the date cannot be in the future")
        : on < today.AddYears(-1) ? ("On", "Enter a date within the last year")
        : null;

    public static string Name(ContactMethod how) => how switch
    {
        ContactMethod.Phone => "Phone",
        ContactMethod.InPerson => "In person",
        _ => "Message",
    };
}
