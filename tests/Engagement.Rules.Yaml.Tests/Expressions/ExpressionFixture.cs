using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Syntax;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

/// <summary>Compiles expressions against a fixed scope (customer, vehicle, points) and evaluates them on sample facts.</summary>
internal sealed class ExpressionFixture
{
    public static readonly SourceLocation Origin = new("rules.yaml", 7, 12);

    private readonly Dictionary<string, Declaration> _declarations = new(StringComparer.Ordinal)
    {
        ["customer"] = new Declaration("customer", typeof(Customer)),
        ["vehicle"] = new Declaration("vehicle", typeof(Vehicle)),
        ["points"] = new Declaration("points", typeof(int?)),
        ["kinds"] = new Declaration("kinds", typeof(IReadOnlyList<TouchKind>)),
        ["home"] = new Declaration("home", typeof(Address)),
    };

    private readonly Declaration _context = new("$context", typeof(EvaluationContext));

    public ExpressionFixture()
    {
        Today = new LocalDate(2026, 3, 15);
        Customer = new Customer(
            "c-1",
            "Ada",
            "ada@example.com",
            CustomerStatus.Active,
            new LocalDate(1980, 6, 1),
            120,
            ["vip", "newsletter"],
            new Address("Lyon", null),
            new AnnualDate(2, 29),
            12.5m,
            [new Address("Paris", "75001")]);
        Vehicle = new Vehicle(
            "VIN1",
            "c-1",
            true,
            2021,
            new LocalDate(2024, 3, 10),
            42_000,
            4.5,
            Instant.FromUtc(2026, 3, 14, 9, 0),
            new LocalDate(2021, 5, 20),
            null,
            Duration.FromDays(365),
            TouchKind.Offer,
            () => 1,
            new Plate("AB-123-CD", "FR"),
            null,
            Channel.Sms,
            new Coordinates(45.76, 4.83));
    }

    public LocalDate Today { get; set; }

    public DateTimeZone Zone { get; set; } = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public Customer Customer { get; set; }

    public Vehicle Vehicle { get; set; }

    public int? Points { get; set; } = 5;

    public IReadOnlyList<TouchKind> Kinds { get; set; } = [TouchKind.Reminder];

    /// <summary>A let of a reference type that may be missing (declared in the scope's MaybeMissing).</summary>
    public Address? Home { get; set; } = new("Lyon", "69001");

    public DiagnosticBag Diagnostics { get; private set; } = new();

    public ExpressionCompiler Compiler { get; set; } = new();

    public TypedExpression? Compile(string text, Type? expected = null)
    {
        Diagnostics = new DiagnosticBag();
        return Compiler.Compile(text, ScalarPositions.At(Origin), new ExpressionScope(_declarations, _context, "test-rule") { MaybeMissing = new HashSet<string>(["home"]) }, expected, Diagnostics);
    }

    /// <summary>Compiles (which must succeed without errors) and evaluates on the sample facts.</summary>
    public object? Evaluate(string text) => Run(text, null);

    private object? Run(string text, Type? expected)
    {
        var compiled = Compile(text, expected);
        compiled.Should().NotBeNull("'{0}' should compile, but: {1}", text, string.Join(" | ", Diagnostics.Items.Select(d => d.Format())));
        var arguments = compiled!.Declarations.Select(Argument).ToArray();
        return compiled.ToLambda().Compile().DynamicInvoke(arguments);
    }

    public T Evaluate<T>(string text) => (T)Evaluate(text)!;

    public bool Condition(string text) => (bool)Run(text, typeof(bool))!;

    /// <summary>Compiles text that must fail, and returns its single error.</summary>
    public RuleDiagnostic Error(string text, Type? expected = null)
    {
        var compiled = Compile(text, expected);
        compiled.Should().BeNull("'{0}' should not compile", text);
        var errors = Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        errors.Should().ContainSingle("'{0}' should report exactly one error, got: {1}", text, string.Join(" | ", errors.Select(d => d.Format())));
        return errors[0];
    }

    private object? Argument(Declaration declaration) => declaration.Name switch
    {
        "customer" => Customer,
        "vehicle" => Vehicle,
        "points" => Points,
        "kinds" => Kinds,
        "home" => Home,
        "$context" => new EvaluationContext(Today.AtStartOfDayInZone(Zone).ToInstant().Plus(Duration.FromHours(10)), Zone),
        _ => throw new ArgumentException(declaration.Name),
    };
}
