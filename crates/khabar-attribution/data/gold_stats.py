#!/usr/bin/env python3
"""Statistics over the attribution gold (stdlib only), used to write PATTERNS.md.

usage: python3 gold_stats.py [GOLD.jsonl ...]      (default: /work/shared/seed + /work/shared/dev gold)
       python3 gold_stats.py --traps               also list lexicon hits (cues.tsv) that are not gold cues
Spans are [start, end) code-point offsets into "text" (ANNOTATION-GUIDE.md).
"""
import collections as C, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = ['/work/shared/seed/article.gold.jsonl', '/work/shared/dev/gold.jsonl']
DIA = re.compile('[\u064B-\u0652\u0640\u0670]')
FOLD = str.maketrans('أإآى', 'اااي')
TOK = re.compile(r'[\w\u0600-\u06FF]+|[^\s\w]', re.U)
COMPS = {'ان', 'انه', 'انها', 'انهم', 'انهما', 'اننا', 'بان', 'بانه', 'بانها', 'بانهم'}
PREPS = {'الي', 'عن', 'علي', 'من'}


def norm(s):
    return DIA.sub('', s).translate(FOLD)


def load_lex(name):
    lex = {}
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return lex
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        form, lemma, kind, comps = line.rstrip('\n').split('\t')
        lex[norm(form)] = (lemma, kind, comps)
    return lex


def lookup(lex, w):
    n = norm(w)
    if n in lex:
        return lex[n]
    if len(n) > 3 and n[0] in 'وف' and n[1:] in lex:
        return lex[n[1:]]
    return None


def ntok(s):
    return len([t for t in TOK.findall(s) if re.match(r'\w', t)])


def sl(t, sp):
    return t[sp[0]:sp[1]] if sp else None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    docs = [json.loads(l) for f in (args or DEFAULT) for l in open(f, encoding='utf-8')]
    lex = {**load_lex('cues_optional.tsv'), **load_lex('cues_guarded.tsv'), **load_lex('cues.tsv')}
    main_lex = load_lex('cues.tsv')
    S = C.defaultdict(C.Counter)
    srclen = C.Counter()
    n = 0
    for d in docs:
        t = d['text']
        for a in d['attributions']:
            n += 1
            opt = 'opt' if a.get('optional') else 'req'
            c, so, co = a['cue'], a['source'], a['content']
            cue = t[c[0]:c[1]]
            ent = lookup(lex, cue)
            kind = ent[1] if ent else 'unlisted'
            S['cue_kind'][(opt, kind)] += 1
            S['proclitic'][t[c[0] - 1] if c[0] and t[c[0] - 1] in 'وف' else '-'] += 1
            S['kind'][(opt, a['kind'])] += 1
            S['source_kind'][(opt, a['source_kind'])] += 1
            # source position
            if so is None:
                pos = 'null'
            elif so[0] >= c[1]:
                gap = t[c[1]:so[0]]
                pos = 'after-cue (VSO)' if ntok(gap) == 0 else 'after-cue, gap=%r' % gap.strip()
            else:
                between = t[so[1]:c[0]]
                k = ntok(between)
                pos = 'before-cue adjacent (SVO)' if k == 0 else ('before-cue, 1-3 tok (الذي/حيث/لكن..)' if k <= 3 else 'before-cue far (continuation / pro-drop)')
            S['source_pos'][(opt, pos)] += 1
            if so:
                srclen[min(ntok(sl(t, so)), 15)] += 1
            # what follows the source (VSO only)
            if so and so[0] >= c[1] and so[1] <= co[0]:
                after = t[so[1]:co[0]].strip()
                first = norm((TOK.findall(after) or ['<none>'])[0])
                lab = 'content directly' if not after else ('complementiser' if first in COMPS else
                      'preposition ' + first if first in PREPS else ':' if first == ':' else
                      'comma' if first in '،,' else 'adjunct/other: ' + ' '.join(after.split()[:3]))
                S['after_source'][lab] += 1
            # content start: what is skipped between (cue|source) and content
            lo = max(c[1], so[1] if so and so[1] <= co[0] else 0)
            if lo <= co[0]:
                gapw = [norm(x) for x in TOK.findall(t[lo:co[0]])]
                tail = ' '.join(gapw[-2:]) if gapw[-2:-1] and gapw[-2] in PREPS else (gapw[-1] if gapw else '')
                S['content_start'][tail or '<direct>'] += 1
            else:
                S['content_start']['<content before cue: according/trailing>'] += 1
            ct = sl(t, co)
            S['content_first_char'][('quote' if ct[:1] in '"«“”\'' else 'word')] += 1
            post = t[co[1]:co[1] + 12]
            m = re.match(r'\s*(\S+)\s*(\S*)', post)
            if not post.strip():
                lab = '<end of text>'
            elif post.lstrip()[:1] == '.':
                lab = '.'
            elif post.lstrip()[:1] in '،,':
                nxt = norm(m.group(2)) if m else ''
                lo2 = lookup(lex, m.group(2)) if m else None
                lab = '، + ' + ('participle' if lo2 and lo2[1] == 'participle' else 'according' if lo2 and lo2[1] == 'according' else nxt)
            else:
                lab = 'other: ' + post.strip()[:10]
            S['content_end'][lab] += 1
            S['content_crosses'][('sentence(. )' if re.search(r'[.!؟?]\s', ct) else '-', 'newline' if '\n' in ct else '-')] += 1
            qs = ''.join(sorted(set(ch for ch in ct if ch in '"«»“”')))
            S['quote_chars'][(a['kind'], qs or '-')] += 1
            S['cue_form'][(opt, ('و' if c[0] and t[c[0] - 1] == 'و' else '') + norm(cue))] += 1
    print('attributions:', n)
    for k, v in S.items():
        print('\n##', k)
        for kk, vv in sorted(v.items(), key=lambda x: -x[1]):
            print(f'  {vv:4d}  {kk}')
    print('\n## source length in tokens (15 = 15+)')
    for k in sorted(srclen):
        print(f'  {k:2d}: {srclen[k]}')
    if '--traps' in sys.argv:
        print('\n## cues.tsv hits (single-token forms) that are not gold cues')
        for d in docs:
            t = d['text']
            gold = {a['cue'][0] for a in d['attributions']}
            gold |= {a['cue'][0] + 1 for a in d['attributions']}
            for m in re.finditer(r'[\u0621-\u064A\u064B-\u0652\u0640]+', t):
                w = m.group()
                ent = lookup(main_lex, w)
                if not ent or m.start() in gold or m.start() + 1 in gold:
                    continue
                if any(a['cue'][0] <= m.start() < a['cue'][1] for a in d['attributions']):
                    continue
                inside = any(a['content'][0] <= m.start() < a['content'][1] for a in d['attributions'])
                print(f"  {d['id']}\t{w}\t{ent[1]}\t{'in-content' if inside else 'free'}\t…{t[max(0, m.start() - 35):m.start()]}[{w}]{t[m.end():m.end() + 45]}…".replace('\n', ' '))


if __name__ == '__main__':
    main()
