using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Infrastructure.Data;

/// <summary>
/// EF Core compiled queries, one per model. A page that runs the same small query on every view pays
/// EF Core to take the LINQ apart, look it up in its query cache and pull out the parameters each
/// time; a compiled query does that once (issue 25: a tenth of the learn catalogue's CPU was one such
/// query). EF Core binds a compiled query to the first model it runs against and refuses any other,
/// and one process can hold more than one (the tests run SQLite and PostgreSQL side by side), so each
/// model gets its own compiled copy, made on first use.
/// </summary>
internal static class CompiledQueries
{
    /// <summary>A query of many rows with one parameter.</summary>
    public static Func<PortalDbContext, T1, IAsyncEnumerable<TResult>> Rows<T1, TResult>(Expression<Func<PortalDbContext, T1, IQueryable<TResult>>> query)
    {
        var byModel = new ConditionalWeakTable<IModel, Func<PortalDbContext, T1, IAsyncEnumerable<TResult>>>();
        ConditionalWeakTable<IModel, Func<PortalDbContext, T1, IAsyncEnumerable<TResult>>>.CreateValueCallback compile = _ => EF.CompileAsyncQuery(query);
        return (db, p1) => byModel.GetValue(db.Model, compile)(db, p1);
    }

    /// <summary>A query of many rows with two parameters.</summary>
    public static Func<PortalDbContext, T1, T2, IAsyncEnumerable<TResult>> Rows<T1, T2, TResult>(Expression<Func<PortalDbContext, T1, T2, IQueryable<TResult>>> query)
    {
        var byModel = new ConditionalWeakTable<IModel, Func<PortalDbContext, T1, T2, IAsyncEnumerable<TResult>>>();
        ConditionalWeakTable<IModel, Func<PortalDbContext, T1, T2, IAsyncEnumerable<TResult>>>.CreateValueCallback compile = _ => EF.CompileAsyncQuery(query);
        return (db, p1, p2) => byModel.GetValue(db.Model, compile)(db, p1, p2);
    }

    /// <summary>A query of one value (a row or null, a yes or no) with one parameter.</summary>
    public static Func<PortalDbContext, T1, CancellationToken, Task<TResult>> One<T1, TResult>(Expression<Func<PortalDbContext, T1, CancellationToken, TResult>> query)
    {
        var byModel = new ConditionalWeakTable<IModel, Func<PortalDbContext, T1, CancellationToken, Task<TResult>>>();
        ConditionalWeakTable<IModel, Func<PortalDbContext, T1, CancellationToken, Task<TResult>>>.CreateValueCallback compile = _ => EF.CompileAsyncQuery(query);
        return (db, p1, cancellationToken) => byModel.GetValue(db.Model, compile)(db, p1, cancellationToken);
    }

    /// <summary>A query of one value with two parameters.</summary>
    public static Func<PortalDbContext, T1, T2, CancellationToken, Task<TResult>> One<T1, T2, TResult>(Expression<Func<PortalDbContext, T1, T2, CancellationToken, TResult>> query)
    {
        var byModel = new ConditionalWeakTable<IModel, Func<PortalDbContext, T1, T2, CancellationToken, Task<TResult>>>();
        ConditionalWeakTable<IModel, Func<PortalDbContext, T1, T2, CancellationToken, Task<TResult>>>.CreateValueCallback compile = _ => EF.CompileAsyncQuery(query);
        return (db, p1, p2, cancellationToken) => byModel.GetValue(db.Model, compile)(db, p1, p2, cancellationToken);
    }
}
