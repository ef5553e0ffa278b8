using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Building;

/// <summary>
/// The named conditions of a load. Names are global to the load and defined once; a file may use the
/// conditions of its own and of the files it includes (directly or not).
/// </summary>
internal sealed class ConditionLibrary
{
    private readonly LoadContext _context;
    private readonly NodeReader _reader;
    private readonly Dictionary<string, ConditionDefinition> _definitions = new(StringComparer.Ordinal);

    public ConditionLibrary(LoadContext context)
    {
        _context = context;
        _reader = new NodeReader(context);
    }

    public void Define(RuleFileUnit file, MappingSyntax conditions)
    {
        foreach (var (key, value) in conditions.Entries)
        {
            if (!Names.IsValid(key.Value))
            {
                _reader.Error(DiagnosticCodes.InvalidName, key, $"'{key.Value}' is not a valid condition name; use ASCII letters (a-z, A-Z), digits and '_', starting with a letter.");
                continue;
            }

            var definition = Read(file, key, value);
            if (definition is null)
            {
                continue;
            }

            if (_definitions.TryGetValue(key.Value, out var first))
            {
                _reader.Error(
                    DiagnosticCodes.DuplicateCondition,
                    key,
                    $"The condition '{key.Value}' is already defined at {first.NameNode.Location}; condition names are shared by all loaded files, so rename one of them.");
                continue;
            }

            _definitions.Add(key.Value, definition);
            Check(definition);
        }
    }

    public bool TryGet(string name, out ConditionDefinition definition) => _definitions.TryGetValue(name, out definition!);

    /// <summary>The names visible from a file, for suggestions.</summary>
    public IReadOnlyCollection<string> VisibleFrom(RuleFileUnit file)
    {
        var closure = file.Closure();
        return _definitions.Values.Where(d => closure.Contains(d.File)).Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The closest condition to a misspelt name among those defined in files <paramref name="file"/> does not
    /// include, for a hint when none it can see is close.
    /// </summary>
    public ConditionDefinition? ClosestHidden(string name, RuleFileUnit file)
    {
        var closure = file.Closure();
        var hidden = _definitions.Values.Where(d => !closure.Contains(d.File)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        return DidYouMean.Closest(name, hidden.Keys.Order(StringComparer.Ordinal)) is { } closest ? hidden[closest] : null;
    }

    /// <summary>
    /// Where a condition that <paramref name="user"/> cannot see is defined, and how to make it visible: the
    /// <c>include</c> to write, as a path relative to the using file; or, when the defining file lies outside the
    /// folder the using file's includes must stay in, that it cannot be included.
    /// </summary>
    public static string NotIncluded(ConditionDefinition definition, RuleFileUnit user)
    {
        var where = $"The condition '{definition.Name}' is defined in {definition.File.Name}, which this file does not include";
        if (user.FullPath is null || user.Root is null || definition.File.FullPath is null)
        {
            return $"{where}; load both files from one folder and include it.";
        }

        if (!RuleFileSet.IsInside(definition.File.FullPath, user.Root))
        {
            return $"{where} and cannot include: includes stay inside this file's rule folder '{user.Root}'. Load a folder that holds both files, and include it.";
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(user.FullPath)!, definition.File.FullPath).Replace('\\', '/');
        return user.Includes.Count == 0 && user.UnloadedIncludes.Count == 0
            ? $"{where}; add `include: [{relative}]`."
            : $"{where}; add '{relative}' to its 'include' list.";
    }

    private ConditionDefinition? Read(RuleFileUnit file, ScalarSyntax key, SyntaxNode value)
    {
        if (value is ScalarSyntax)
        {
            return _reader.Scalar(value, key.Value) is { } text ? new ConditionDefinition(key.Value, key, text, null, file) : null;
        }

        if (_reader.Mapping(value, key.Value) is not { } mapping)
        {
            return null;
        }

        _reader.Keys(mapping, RuleFileKeys.ConditionDefinition, $"the definition of condition '{key.Value}'");
        if (_reader.Required(mapping, "expression", $"the condition '{key.Value}'") is not { } expressionNode
            || _reader.Scalar(expressionNode, "expression") is not { } expression)
        {
            return null;
        }

        if (mapping.Get("description") is { } description)
        {
            _reader.Scalar(description, "description");
        }

        List<Declaration>? parameters = null;
        if (mapping.Get("parameters") is { } parametersNode && _reader.Mapping(parametersNode, "parameters") is { } parameterMap)
        {
            parameters = new List<Declaration>();
            foreach (var (name, typeNode) in parameterMap.Entries)
            {
                if (!Names.IsValid(name.Value))
                {
                    _reader.Error(DiagnosticCodes.InvalidName, name, $"'{name.Value}' is not a valid parameter name; use ASCII letters (a-z, A-Z), digits and '_', starting with a letter.");
                    return null;
                }

                if (_reader.Scalar(typeNode, name.Value) is not { } typeName)
                {
                    return null;
                }

                if (!_context.Options.Catalog.TryGetType(typeName.Value, out var type))
                {
                    _reader.Error(
                        DiagnosticCodes.UnknownFactType,
                        typeName,
                        $"Unknown fact type '{typeName.Value}'.{DidYouMean.Hint(typeName.Value, _context.Options.Catalog.Names)}");
                    return null;
                }

                parameters.Add(new Declaration(name.Value, type));
            }
        }

        return new ConditionDefinition(key.Value, key, expression, parameters, file);
    }

    /// <summary>
    /// Warns about every condition no rule uses (ER1020), in the order they were defined. Only for a load without
    /// errors: a rule that did not translate may not have reached the names it uses.
    /// </summary>
    public void ReportUnused()
    {
        if (_context.Diagnostics.Items.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return;
        }

        foreach (var definition in _definitions.Values.Where(d => !d.IsUsed))
        {
            _context.Warning(
                DiagnosticCodes.UnusedCondition,
                definition.NameNode.Location,
                $"The condition '{definition.Name}' is not used by any rule of this load; use it in a 'where', or remove it.");
        }
    }

    /// <summary>
    /// Definitions are checked once where they are written, even when unused: typed ones fully; short forms,
    /// whose names are those of the rule using them, for their syntax only.
    /// </summary>
    private void Check(ConditionDefinition definition)
    {
        if (definition.Expression.Value.Length > _context.Options.MaxExpressionLength)
        {
            _reader.Error(
                DiagnosticCodes.ExpressionTooLong,
                definition.Expression,
                $"The expression is {definition.Expression.Value.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {_context.Options.MaxExpressionLength.ToString(CultureInfo.InvariantCulture)}. Split it into named conditions.");
            definition.IsValid = false;
            return;
        }

        if (definition.Parameters is null)
        {
            definition.IsValid = _context.ExpressionCompiler.CheckSyntax(definition.Expression.Value, definition.Expression.Positions, _context.Diagnostics);
            return;
        }

        var scope = new ExpressionScope(
            definition.Parameters.ToDictionary(p => p.Name, p => p, StringComparer.Ordinal),
            new Declaration(RuleTranslator.ContextName, typeof(EvaluationContext)),
            null)
        {
            ConditionNameMessage = name => _definitions.ContainsKey(name)
                ? $"'{name}' is a named condition; a condition cannot use another: a rule combines them as items of its 'where' list."
                : null,
        };
        var before = _context.Diagnostics.Items.Count;
        var compiled = _context.ExpressionCompiler.Compile(definition.Expression.Value, definition.Expression.Positions, scope, typeof(bool), _context.Diagnostics);
        definition.IsValid = compiled is not null && _context.Diagnostics.Items.Count == before;
    }
}
