/*
 * The fixed halves of the fuzz targets: a layout using every block kind
 * but images, and a two-record data file.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fonts.h"
#include "fuzz.h"
#include "spec.h"

const char fuzz_layout_text[] =
"page: {size: A5, margin: 12mm}\n"
"required: [id, name]\n"
"optional: [team, story, recommend, summary, keyword, link, quote]\n"
"colors: {ink: '#1a1a1a', accent: '#ffd400'}\n"
"styles:\n"
"  body: {font: NanumGothic, size: 10pt, line-height: 170%, paragraph-spacing: 4pt}\n"
"  just: {base: body, align: justify, runts: allow}\n"
"  big: {base: body, size: 30pt, weight: extra-bold, letter-spacing: -2%}\n"
"  latin: {base: body, font: [Lato, NanumGothic], break: normal}\n"
"pages:\n"
"  - name: cover\n"
"    background: accent\n"
"    frames:\n"
"      - valign: middle\n"
"        blocks:\n"
"          - text: \"{{brochure.title}}\"\n"
"            style: big\n"
"  - name: person\n"
"    each: interns\n"
"    frames:\n"
"      - height: 40mm\n"
"        fill: accent\n"
"        blocks:\n"
"          - text: \"{{keyword}}\"\n"
"            style: big\n"
"            fit: [30pt, 12pt]\n"
"            max-lines: 1\n"
"      - y: 60mm\n"
"        blocks:\n"
"          - row:\n"
"              - text: \"{{name|이/가}} {{team}}\"\n"
"                style: latin\n"
"              - text: [\"{{quote}}\", \"{{story.0|sentence}}\"]\n"
"            weights: [1, 2]\n"
"            gap: 4mm\n"
"          - rule: 1pt\n"
"          - text: \"{{story}}\"\n"
"            style: just\n"
"          - list: recommend\n"
"            if: recommend\n"
"          - box:\n"
"              - text: \"{{summary}}\"\n"
"            border-left: 2pt\n"
"            padding: 3mm\n"
"          - spacer: 2mm\n"
"          - text: \"{{link.url}} {{page.number}}/{{page.count}}\"\n";

const char fuzz_data_text[] =
"brochure: {title: Unthinkable Question, subtitle: 인턴 체험 스토리.}\n"
"interns:\n"
"  - id: gina\n"
"    name: Gina\n"
"    team: Neuro-Symbolic AI팀\n"
"    keyword: 빠르다\n"
"    story: [\"사내에서 상시로 열리는 기술 공유 세미나 ‘미니컨퍼런스’ 시간을 "
"통해 CEO와 이야기하고 의견을 나눠본다던가 하는 것이 신선했어요.\", "
"\"다른 연구자들의 발표를 듣다 보면 업계 지식도 늘고 자극이 되기도 "
"하더라고요.\"]\n"
"    recommend: [대기업에서 정직원처럼 일하는 체험을 통해 성장할 분들]\n"
"    summary: 함께 가야 힘내서 더 빨리 갈 수 있다.\n"
"    link: {label: 보기 →, url: 'https://www.facebook.com/kakaobrain'}\n"
"  - id: ted\n"
"    name: Ted\n"
"    keyword: 오케스트라\n";

struct spec *
fuzz_spec(const char *text)
{
	struct diag d;
	struct spec *s;

	diag_init(&d, stderr);
	s = spec_parse(yload_buffer("layout.yaml", text, strlen(text), &d),
	    &d);
	if (s == NULL)
		abort();
	return s;
}

struct fonts *
fuzz_fonts(void)
{
	struct diag d;
	struct fonts *f;

	diag_init(&d, stderr);
	if ((f = fonts_new("fonts", NULL, NULL, &d)) == NULL)
		abort();
	return f;
}

struct ydoc *
fuzz_data_doc(void)
{
	struct diag d;
	struct ydoc *doc;

	diag_init(&d, stderr);
	doc = yload_buffer("data.yaml", fuzz_data_text,
	    strlen(fuzz_data_text), &d);
	if (doc == NULL)
		abort();
	return doc;
}
