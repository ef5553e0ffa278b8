using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    /// <summary>One operand of every kind of type the language knows, present or possibly missing.</summary>
    private static readonly string[] Atoms =
    [
        "1", "2147483648", "1.5", "vehicle.rating", "'x'", "true", "2026-03-01", "08:30", "now()", "customer.anniversary",
        "30 days", "3 hours", "vehicle.serviceInterval", "customer.status", "Active", "vehicle.lastTouch", "customer.tags",
        "kinds", "customer", "customer.address", "vehicle.plate", "vehicle.previousPlate", "vehicle.preferred", "vehicle.location",
        "customer.otherAddresses", "vehicle.purchaseDate", "customer.loyaltyPoints", "customer.email", "points", "home",
    ];

    private static readonly string[] Operators =
        ["or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "??", "in", "not in"];

    private void NoInternalError(string text)
    {
        var compiled = _fixture.Compile(text, null);
        var errors = _fixture.Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        errors.Should().NotContain(d => d.Code == "ER2099", "'{0}' must not hit an internal error", text);
        (compiled is null).Should().Be(errors.Length > 0, "'{0}' gives a result exactly when it has no error", text);
        compiled?.ToLambda().Compile();
    }

    [Test]
    public void Compile_EveryOperatorOnEveryPairOfTypes_IsCheckedWithoutInternalErrors()
    {
        foreach (var op in Operators)
        {
            foreach (var left in Atoms)
            {
                foreach (var right in Atoms)
                {
                    NoInternalError($"{left} {op} {right}");
                }
            }
        }
    }

    [Test]
    public void Compile_UnaryOperatorsAndBetweenOnEveryType_AreCheckedWithoutInternalErrors()
    {
        foreach (var atom in Atoms)
        {
            NoInternalError($"-{atom}");
            NoInternalError($"not {atom}");
            NoInternalError($"has({atom})");
            NoInternalError($"{atom} between {atom} and {atom}");
            NoInternalError($"{atom} in [{atom}, {atom}]");
        }
    }

    [Test]
    public void Compile_EveryFunctionOnEveryType_IsCheckedWithoutInternalErrors()
    {
        var functions = Engagement.Rules.Yaml.Expressions.Functions.FunctionCatalog.Names;
        var pairs = new List<string> { string.Empty };
        pairs.AddRange(Atoms);
        pairs.AddRange(Atoms.Select((a, i) => $"{a}, {Atoms[(i * 7 + 3) % Atoms.Length]}"));
        pairs.AddRange(Atoms.Select(a => $"{a}, {a}"));
        foreach (var function in functions)
        {
            foreach (var arguments in pairs)
            {
                NoInternalError($"{function}({arguments})");
            }
        }
    }
}
