namespace Portal.Infrastructure;

/// <summary>
/// The one answer shape of every service that changes something: done, not found, or invalid with the
/// field and a message a person can act on. Pages turn it into a redirect, a 404 or a form error, so
/// no page has to learn a service's private convention (a null string, a bool, a tuple).
/// </summary>
public readonly record struct Result
{
    private Result(Outcome outcome, FieldProblem? problem)
    {
        Outcome = outcome;
        Problem = problem;
    }

    public Outcome Outcome { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="Outcome.Invalid"/>.</summary>
    public FieldProblem? Problem { get; }

    public bool IsDone => Outcome == Outcome.Done;

    public static Result Done() => new(Outcome.Done, null);

    /// <summary>A done result carrying the value the call produced; converts to <see cref="Result{T}"/>.</summary>
    public static Result<T> Done<T>(T value) => Result<T>.FromValue(value);

    public static Result NotFound() => new(Outcome.NotFound, null);

    /// <param name="field">The input property the message belongs to ("" for the form as a whole).</param>
    public static Result Invalid(string field, string message) => new(Outcome.Invalid, new FieldProblem(field, message));

    public static implicit operator Result(FieldProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(Outcome.Invalid, problem);
    }
}

/// <summary>
/// <see cref="Result"/> with the value a successful call produced (the new id, the saved row). Made
/// through <see cref="Result"/>'s factories: <c>Result.Done(value)</c>, <c>Result.NotFound()</c>,
/// <c>Result.Invalid(field, message)</c> all convert to it.
/// </summary>
public readonly record struct Result<T>
{
    private Result(Outcome outcome, T? value, FieldProblem? problem)
    {
        Outcome = outcome;
        Value = value;
        Problem = problem;
    }

    public Outcome Outcome { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="Outcome.Done"/>.</summary>
    public T? Value { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="Outcome.Invalid"/>.</summary>
    public FieldProblem? Problem { get; }

    public bool IsDone => Outcome == Outcome.Done;

    internal static Result<T> FromValue(T value) => new(Outcome.Done, value, null);

    /// <summary>Drops the value, for callers that only need to know how it ended.</summary>
    public Result WithoutValue() => Outcome switch
    {
        Outcome.Done => Result.Done(),
        Outcome.NotFound => Result.NotFound(),
        _ => Problem!,
    };

    public static implicit operator Result<T>(FieldProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(Outcome.Invalid, default, problem);
    }

    public static implicit operator Result<T>(Result result) => result.Outcome switch
    {
        Outcome.Done => throw new InvalidOperationException("A done result needs its value: use Result.Done(value)."),
        Outcome.NotFound => new(Outcome.NotFound, default, null),
        _ => new(Outcome.Invalid, default, result.Problem),
    };
}
