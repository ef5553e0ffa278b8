using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions.Binding;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Building;

/// <summary>The left-hand side: patterns, negations, alternatives, lets and aggregates.</summary>
internal sealed partial class RuleTranslator
{
    private static readonly string[] SelectorKeys = ["value", "key"];

    private const string ElementHelp = "a pattern 'name: FactType' (with an optional 'where') or one of: not, exists, any, all, forall, let, count, collect, sum, min, max, groupBy";

    /// <summary>One item of <c>when</c> (or of a group); declarations it makes go into <paramref name="scope"/>.</summary>
    private RuleElement? Element(SyntaxNode node, Dictionary<string, Declaration> scope, bool topLevel)
    {
        if (node is not MappingSyntax mapping || mapping.Entries.Count == 0)
        {
            _reader.Error(DiagnosticCodes.UnknownElement, node, $"A condition item must be {ElementHelp}.");
            return null;
        }

        var keywords = mapping.Entries.Where(e => RuleFileKeys.Element.Contains(e.Key.Value)).ToList();
        if (keywords.Count == 0)
        {
            return Pattern(mapping, scope)?.Pattern;
        }

        if (mapping.Entries.Count > 1)
        {
            var extra = mapping.Entries.First(e => e.Key != keywords[0].Key);
            _reader.Error(DiagnosticCodes.UnknownElement, extra.Key, $"'{keywords[0].Key.Value}' must be alone in its list item; start a new item ('- ') for '{extra.Key.Value}'.");
            return null;
        }

        var (keyword, value) = (keywords[0].Key, keywords[0].Value);
        switch (keyword.Value)
        {
            case "not":
                return Group(value, new Dictionary<string, Declaration>(scope), "not") is { } negated ? Written(new NotElement(negated), keyword, "not") : null;
            case "exists":
                return Group(value, new Dictionary<string, Declaration>(scope), "exists") is { } exists ? Written(new ExistsElement(exists), keyword, "exists") : null;
            case "all":
                return Group(value, scope, "all", requireList: true, topLevel) is { } all ? Written(all, keyword, "all") : null;
            case "any":
                return Any(keyword, value, scope) is { } any ? Written(any, keyword, "any") : null;
            case "forall":
                return ForAll(value, scope) is { } forAll ? Written(forAll, keyword, "forall") : null;
            case "let":
                return Let(value, scope, topLevel);
            default:
                return Aggregate(keyword, value, scope, topLevel) is { } aggregate ? Written(aggregate, keyword, $"{keyword.Value} as {aggregate.Result.Name}") : null;
        }
    }

    /// <summary>The content of not/exists/all: one item, or a list of items that must all hold.</summary>
    private RuleElement? Group(SyntaxNode node, Dictionary<string, Declaration> scope, string what, bool requireList = false, bool topLevel = false)
    {
        if (node is MappingSyntax && !requireList)
        {
            return Element(node, scope, topLevel: false);
        }

        if (_reader.Sequence(node, what) is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            _reader.Error(DiagnosticCodes.UnknownElement, node, $"'{what}' is empty; give it at least one condition item.");
            return null;
        }

        var elements = new List<RuleElement>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            var element = Element(item, scope, topLevel);
            ok &= element is not null;
            if (element is not null)
            {
                elements.Add(element);
            }
        }

        return !ok ? null : elements.Count == 1 && !requireList ? elements[0] : new AndElement(elements);
    }

    private OrElement? Any(ScalarSyntax keyword, SyntaxNode node, Dictionary<string, Declaration> scope)
    {
        if (_reader.Sequence(node, "any") is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count < 2)
        {
            _reader.Error(DiagnosticCodes.AnyNeedsAlternatives, keyword, "'any' needs at least two alternatives; with one, write the item without 'any'.");
            return null;
        }

        var alternatives = new List<RuleElement>();
        foreach (var item in sequence.Items)
        {
            // Each alternative sees the names declared before 'any'; its own names stay inside it.
            if (Element(item, new Dictionary<string, Declaration>(scope), topLevel: false) is { } alternative)
            {
                alternatives.Add(alternative);
            }
        }

        if (alternatives.Count != sequence.Items.Count)
        {
            return null;
        }

        var or = new OrElement(alternatives);
        _anyKeywords.Add(or, keyword);
        return or;
    }

    private ForAllElement? ForAll(SyntaxNode node, Dictionary<string, Declaration> outer)
    {
        if (_reader.Mapping(node, "forall") is not { } mapping)
        {
            return null;
        }

        _reader.Keys(mapping, RuleFileKeys.ForAll, "'forall'");
        var scope = new Dictionary<string, Declaration>(outer);
        if (_reader.Required(mapping, "each", "'forall'") is not { } eachNode
            || _reader.Mapping(eachNode, "each") is not { } each
            || Pattern(each, scope) is not { } basePattern)
        {
            return null;
        }

        if (_reader.Required(mapping, "satisfy", "'forall'") is not { } satisfyNode)
        {
            return null;
        }

        var patterns = new List<PatternElement>();
        var items = satisfyNode is MappingSyntax single ? [single] : _reader.Sequence(satisfyNode, "satisfy")?.Items ?? [];
        foreach (var item in items)
        {
            if (_reader.Mapping(item, "satisfy item") is { } patternMapping && Pattern(patternMapping, scope) is { } pattern)
            {
                patterns.Add(pattern.Pattern);
            }
        }

        if (items.Count == 0)
        {
            _reader.Error(DiagnosticCodes.MissingKey, satisfyNode, "'satisfy' needs at least one pattern.");
        }

        return patterns.Count > 0 && patterns.Count == items.Count ? new ForAllElement(basePattern.Pattern, patterns) : null;
    }

    private RuleElement? Let(SyntaxNode node, Dictionary<string, Declaration> scope, bool topLevel)
    {
        if (_reader.Mapping(node, "let") is not { } mapping)
        {
            return null;
        }

        var bindings = new List<RuleElement>();
        foreach (var (name, value) in mapping.Entries)
        {
            if (_reader.Scalar(value, name.Value) is not { } text || Compile(text, scope, null) is not { } expression)
            {
                Poison(name, scope);
                continue;
            }

            if (expression.Type == typeof(void))
            {
                _reader.Error(DiagnosticCodes.WrongValueType, text, $"'{name.Value}' has no value.");
                Poison(name, scope);
                continue;
            }

            if (Declare(name, expression.Type, scope) is { } declaration)
            {
                // The text as written names the value when it throws at run time.
                bindings.Add(Written(new BindingElement(declaration, new ValueExpression(expression.ToLambda(), expression.Declarations) { Text = text.Value }), name, $"let {name.Value}: {text.Value}"));
                if (expression.MayBeMissing)
                {
                    _maybeMissing.Add(declaration.Name);
                }

                if (topLevel)
                {
                    _evidence.Add(declaration);
                }
            }
        }

        return bindings.Count == 0 ? null : bindings.Count == 1 ? bindings[0] : new AndElement(bindings);
    }

    /// <summary>A pattern mapping: one <c>name: FactType</c> entry and an optional <c>where</c>.</summary>
    private (PatternElement Pattern, Declaration Declaration)? Pattern(MappingSyntax mapping, Dictionary<string, Declaration> scope)
    {
        var binding = mapping.Entries.FirstOrDefault(e => e.Key.Value != "where");
        if (binding.Key is null)
        {
            _reader.Error(DiagnosticCodes.UnknownElement, mapping, $"This item has a 'where' but no pattern; add 'name: FactType' (e.g. customer: Customer).");
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Key != binding.Key && entry.Key.Value != "where")
            {
                if (RuleFileKeys.Element.Contains(entry.Key.Value))
                {
                    _reader.Error(DiagnosticCodes.UnknownElement, entry.Key, $"'{entry.Key.Value}' must be alone in its list item; start a new item ('- ').");
                }
                else
                {
                    _reader.UnknownKey(entry.Key, RuleFileKeys.Pattern, $"the pattern '{binding.Key.Value}' (one 'name: FactType' per item)");
                }

                return null;
            }
        }

        if (_reader.Scalar(binding.Value, binding.Key.Value) is not { } typeName || FactType(typeName) is not { } type)
        {
            Poison(binding.Key, scope);
            return null;
        }

        if (Declare(binding.Key, type, scope) is not { } declaration)
        {
            return null;
        }

        var conditions = new List<ConditionElement>();
        var ok = true;
        if (mapping.Get("where") is { } where)
        {
            foreach (var (expression, at) in Where(where, scope))
            {
                var condition = Condition(expression, declaration, at);
                ok &= condition is not null;
                if (condition is not null)
                {
                    conditions.Add(condition);
                }
            }
        }

        return ok ? (Written(new PatternElement(declaration, conditions), binding.Key, $"{binding.Key.Value}: {typeName.Value}"), declaration) : null;
    }

    /// <summary>The conditions of a <c>where</c>: an expression, a named condition, or a list of them.</summary>
    private List<(TypedExpression? Expression, SyntaxNode At)> Where(SyntaxNode node, Dictionary<string, Declaration> scope)
    {
        var result = new List<(TypedExpression?, SyntaxNode)>();
        var items = node is SequenceSyntax sequence ? sequence.Items : [node];
        foreach (var item in items)
        {
            if (item is MappingSyntax reference)
            {
                result.Add((ConditionReference(reference, scope), item));
            }
            else if (_reader.Scalar(item, "where") is { } text)
            {
                var isName = Names.IsValid(text.Value) && !scope.ContainsKey(text.Value) && !Names.Reserved.Contains(text.Value);
                result.Add((isName ? NamedCondition(text, null, scope) : Compile(text, scope, typeof(bool)), item));
            }
            else
            {
                result.Add((null, item));
            }
        }

        return result;
    }

    private TypedExpression? ConditionReference(MappingSyntax reference, Dictionary<string, Declaration> scope)
    {
        _reader.Keys(reference, RuleFileKeys.ConditionReference, "a condition reference");
        if (_reader.Required(reference, "condition", "a condition reference") is not { } nameNode || _reader.Scalar(nameNode, "condition") is not { } name)
        {
            return null;
        }

        MappingSyntax? with = null;
        if (reference.Get("with") is { } withNode && (with = _reader.Mapping(withNode, "with")) is null)
        {
            return null;
        }

        return NamedCondition(name, with, scope);
    }

    /// <summary>
    /// For an unknown name, the files this file includes that did not load (already reported there), which may be
    /// where the name is defined: said so, rather than one bare unknown-name error per rule that cascades from them.
    /// </summary>
    private string NotLoadedHint()
    {
        var files = _file.FilesNotLoaded();
        if (files.Count == 0)
        {
            return string.Empty;
        }

        var quoted = files.Select(f => $"'{f}'").ToArray();
        var list = quoted.Length == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
        return $" (it may be defined in {list}, which did not load)";
    }

    /// <summary>
    /// The name meant, among the declarations and the conditions this file can see; else a close condition of a
    /// file it does not include, with the include to add; else the valid names.
    /// </summary>
    private string UnknownConditionHint(string name, Dictionary<string, Declaration> scope)
    {
        var visible = _conditions.VisibleFrom(_file).Concat(scope.Keys).ToArray();
        if (DidYouMean.Closest(name, visible) is null && _conditions.ClosestHidden(name, _file) is { } hidden)
        {
            return $" Did you mean '{hidden.Name}'? {ConditionLibrary.NotIncluded(hidden, _file)}";
        }

        return DidYouMean.Hint(name, visible);
    }

    private TypedExpression? NamedCondition(ScalarSyntax name, MappingSyntax? with, Dictionary<string, Declaration> scope)
    {
        if (!_conditions.TryGet(name.Value, out var definition))
        {
            _reader.Error(
                DiagnosticCodes.UnknownCondition,
                name,
                $"'{name.Value}' is neither a declared name nor a named condition{NotLoadedHint()}.{UnknownConditionHint(name.Value, scope)}");
            return null;
        }

        definition.IsUsed = true;
        if (!_file.Closure().Contains(definition.File))
        {
            _reader.Error(DiagnosticCodes.ConditionNotIncluded, name, ConditionLibrary.NotIncluded(definition, _file));
            return null;
        }

        if (!definition.IsValid)
        {
            // Its own errors are already reported where it is defined.
            _failed = true;
            return null;
        }

        if (definition.Parameters is null)
        {
            if (with is not null)
            {
                _reader.Error(DiagnosticCodes.ConditionParameterMismatch, with, $"The condition '{name.Value}' has no parameters; remove 'with'.");
                return null;
            }

            return Compile(definition.Expression, scope, typeof(bool));
        }

        var bound = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        var ok = true;
        foreach (var parameter in definition.Parameters)
        {
            var target = parameter.Name;
            SyntaxNode at = name;
            if (with?.Get(parameter.Name) is { } renamed && _reader.Scalar(renamed, parameter.Name) is { } renamedName)
            {
                target = renamedName.Value;
                at = renamedName;
            }

            if (scope.TryGetValue(target, out var poisoned) && PoisonedName.Is(poisoned))
            {
                // Its declaration's error is reported.
                ok = false;
            }
            else if (!scope.TryGetValue(target, out var declaration))
            {
                _reader.Error(
                    DiagnosticCodes.ConditionParameterMismatch,
                    at,
                    $"The condition '{name.Value}' needs '{parameter.Name}' ({parameter.Type.Name}), but this rule declares no '{target}' before here; bind it with 'with: {{ {parameter.Name}: yourName }}'.");
                ok = false;
            }
            else if (!parameter.Type.IsAssignableFrom(declaration.Type))
            {
                _reader.Error(
                    DiagnosticCodes.ConditionParameterMismatch,
                    at,
                    $"The condition '{name.Value}' needs '{parameter.Name}' to be {LanguageTypes.WithArticle(parameter.Type)}, but '{target}' is {LanguageTypes.WithArticle(declaration.Type)}.");
                ok = false;
            }
            else
            {
                bound[parameter.Name] = declaration;
            }
        }

        if (with is not null)
        {
            foreach (var key in with.Entries.Select(e => e.Key).Where(k => definition.Parameters.All(p => p.Name != k.Value)))
            {
                _reader.UnknownKey(key, definition.Parameters.Select(p => p.Name).ToArray(), $"'with' of condition '{name.Value}'");
                ok = false;
            }
        }

        return ok ? Compile(definition.Expression, bound, typeof(bool)) : null;
    }

    private AggregateElement? Aggregate(ScalarSyntax keyword, SyntaxNode node, Dictionary<string, Declaration> scope, bool topLevel)
    {
        var kind = keyword.Value switch
        {
            "count" => AggregateKind.Count,
            "collect" => AggregateKind.Collect,
            "sum" => AggregateKind.Sum,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            _ => AggregateKind.GroupBy,
        };
        if (_reader.Mapping(node, keyword.Value) is not { } mapping)
        {
            return null;
        }

        _reader.Keys(mapping, RuleFileKeys.Aggregate, $"'{keyword.Value}'");
        var selectorKey = kind == AggregateKind.GroupBy ? "key" : "value";
        var needsSelector = kind is not (AggregateKind.Count or AggregateKind.Collect);
        foreach (var misplaced in SelectorKeys.Where(k => mapping.Get(k) is not null && (!needsSelector || k != selectorKey)))
        {
            _reader.Error(
                DiagnosticCodes.AggregateInvalid,
                mapping.GetKey(misplaced)!,
                needsSelector ? $"'{keyword.Value}' takes '{selectorKey}', not '{misplaced}'." : $"'{keyword.Value}' takes no '{misplaced}'; remove it.");
        }

        var asNode = _reader.Required(mapping, "as", $"'{keyword.Value}'");
        var ofNode = _reader.Required(mapping, "of", $"'{keyword.Value}' (the facts to aggregate, e.g. of: {{ ro: RepairOrder, where: ... }})");
        var selectorNode = needsSelector ? _reader.Required(mapping, selectorKey, $"'{keyword.Value}'") : null;
        if (asNode is null || _reader.Scalar(asNode, "as") is not { } resultName)
        {
            return null;
        }

        if (ofNode is null || (needsSelector && selectorNode is null) || _reader.Mapping(ofNode, "of") is not { } ofMapping)
        {
            return Poisoned(resultName, scope);
        }

        // The source may join the names declared so far; its own name is visible to the selector only.
        var sourceScope = new Dictionary<string, Declaration>(scope);
        if (Pattern(ofMapping, sourceScope) is not { } source)
        {
            return Poisoned(resultName, scope);
        }

        ValueExpression? selector = null;
        if (selectorNode is not null)
        {
            if (_reader.Scalar(selectorNode, selectorKey) is not { } selectorText)
            {
                return Poisoned(resultName, scope);
            }

            var selectorScope = new Dictionary<string, Declaration>(StringComparer.Ordinal) { [source.Declaration.Name] = source.Declaration };
            if (Compile(selectorText, selectorScope, null) is not { } compiled)
            {
                return Poisoned(resultName, scope);
            }

            if (compiled.Declarations.Any(d => !ReferenceEquals(d, source.Declaration)))
            {
                _reader.Error(DiagnosticCodes.AggregateInvalid, selectorText, $"'{selectorKey}' may only use '{source.Declaration.Name}' (the aggregated fact).");
                return Poisoned(resultName, scope);
            }

            var present = Nullable.GetUnderlyingType(compiled.Type) ?? compiled.Type;
            var usable = kind == AggregateKind.Sum ? IsNumeric(present) : typeof(IComparable).IsAssignableFrom(present);
            if (kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max && usable
                && (present != compiled.Type || compiled.MayBeMissing))
            {
                // A value that may be missing (a nullable number or date, or an optional text or record) cannot be
                // added or ordered: say so in the language's words, with the way out, like a let or a comparison would.
                var written = selectorText.Value.Trim();
                var fallback = present == typeof(int) || present == typeof(long) ? "0" : IsNumeric(present) ? "0.0" : present == typeof(string) ? "''" : "<default>";
                _reader.Error(
                    DiagnosticCodes.AggregateInvalid,
                    selectorText,
                    $"'{keyword.Value}' {(kind == AggregateKind.Sum ? "adds" : "compares")} values, but this is {LanguageTypes.WithArticle(present)} that may be missing: write {written} ?? {fallback}.");
                return Poisoned(resultName, scope);
            }

            if (kind == AggregateKind.Sum && !usable)
            {
                _reader.Error(DiagnosticCodes.AggregateInvalid, selectorText, $"'sum' adds numbers, but this is {LanguageTypes.WithArticle(present)}.");
                return Poisoned(resultName, scope);
            }

            if (kind is AggregateKind.Min or AggregateKind.Max && !usable)
            {
                _reader.Error(DiagnosticCodes.AggregateInvalid, selectorText, $"'{keyword.Value}' compares values, but {LanguageTypes.WithArticle(present)} cannot be ordered.");
                return Poisoned(resultName, scope);
            }

            var lambda = Lambda(compiled, source.Declaration, out var selectorDeclarations);
            selector = new ValueExpression(lambda, selectorDeclarations) { Text = selectorText.Value };
        }

        var resultType = kind switch
        {
            AggregateKind.Count => typeof(int),
            AggregateKind.Collect => typeof(IReadOnlyList<>).MakeGenericType(source.Declaration.Type),
            AggregateKind.GroupBy => typeof(FactGroup<,>).MakeGenericType(selector!.Expression.ReturnType, source.Declaration.Type),
            _ => selector!.Expression.ReturnType,
        };
        if (Declare(resultName, resultType, scope) is not { } result)
        {
            return null;
        }

        var having = new List<ConditionElement>();
        if (mapping.Get("having") is { } havingNode)
        {
            foreach (var text in _reader.ScalarList(havingNode, "having"))
            {
                if (Condition(Compile(text, scope, typeof(bool)), result, text) is { } condition)
                {
                    having.Add(condition);
                }
                else
                {
                    return null;
                }
            }
        }

        if (topLevel)
        {
            _evidence.Add(result);
        }

        return new AggregateElement(result, kind, source.Pattern, selector, having);
    }

    /// <summary>Null for a failed aggregate, whose name is declared anyway (see <see cref="Poison"/>).</summary>
    private AggregateElement? Poisoned(ScalarSyntax resultName, Dictionary<string, Declaration> scope)
    {
        Poison(resultName, scope);
        return null;
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(float);
}
