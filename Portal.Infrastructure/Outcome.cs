namespace Portal.Infrastructure;

/// <summary>How a service call that changes something ended.</summary>
public enum Outcome
{
    Done,

    /// <summary>Nothing the caller may see has that id: unknown, or another organisation's. Pages answer 404.</summary>
    NotFound,

    /// <summary>The input was refused; nothing changed. <see cref="Result.Problem"/> says which field and why.</summary>
    Invalid,
}
