/* dd-import-fields.c: what an import understands: the fields of each kind
 * with the headers offices give them, and the names of enum values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-import.h"
#include "dd-import-private.h"

/* Aliases are written naturally here and normalised when compared. */

static const DdImportField deputy_fields[] = {
  { "name", N_("Name"), DD_IMPORT_TEXT, TRUE, NULL,
    "姓名|代表姓名|名字|name|full name|deputy" },
  { "gender", N_("Gender"), DD_IMPORT_ENUM, FALSE, dd_genders, "性别|gender|sex" },
  { "ethnicity", N_("Ethnicity"), DD_IMPORT_TEXT, FALSE, NULL, "民族|ethnicity|ethnic group" },
  { "birth-on", N_("Date of birth"), DD_IMPORT_DATE, FALSE, NULL,
    "出生日期|出生年月|出生年月日|生日|date of birth|birth date|birthday|born|birth-on" },
  { "level", N_("Level"), DD_IMPORT_ENUM, TRUE, dd_deputy_levels,
    "层级|级别|代表层级|代表级别|人大层级|level" },
  { "term", N_("Term"), DD_IMPORT_INT, TRUE, NULL, "届次|届别|届|term" },
  { "constituency", N_("Constituency"), DD_IMPORT_TEXT, FALSE, NULL,
    "选区|选举单位|原选举单位|constituency|electoral district" },
  { "district", N_("District"), DD_IMPORT_TEXT, FALSE, NULL, "区县|县区|所在区县|district|county" },
  { "township", N_("Township"), DD_IMPORT_TEXT, FALSE, NULL,
    "乡镇|乡镇街道|乡镇(街道)|街道|所在乡镇|township|town|subdistrict" },
  { "occupation", N_("Occupation"), DD_IMPORT_TEXT, FALSE, NULL,
    "单位及职务|工作单位及职务|工作单位及职务职称|工作单位|职务|occupation|job|employer|position" },
  { "group-name", N_("Professional group"), DD_IMPORT_TEXT, FALSE, NULL,
    "代表团|代表小组|专业小组|所在代表团|所在代表小组|所在小组|界别|delegation|group|professional group|group-name" },
  { "phone", N_("Phone"), DD_IMPORT_TEXT, FALSE, NULL,
    "手机|手机号|手机号码|电话|联系电话|联系方式|phone|mobile|telephone|tel|phone number" },
  { "status", N_("Status"), DD_IMPORT_ENUM, FALSE, dd_deputy_statuses,
    "状态|履职状态|代表状态|status" },
  { "status-on", N_("Date of leaving"), DD_IMPORT_DATE, FALSE, NULL,
    "离任日期|终止日期|辞职日期|date of leaving|left on|status-on" },
  { "status-reason", N_("Reason for leaving"), DD_IMPORT_TEXT, FALSE, NULL,
    "离任原因|终止原因|reason for leaving|status-reason" },
  { "note", N_("Note"), DD_IMPORT_TEXT, FALSE, NULL, "备注|说明|note|notes|remark|remarks" },
};

static const DdImportField station_fields[] = {
  { "code", N_("Code"), DD_IMPORT_TEXT, FALSE, NULL,
    "编号|编码|代码|站点编号|站点编码|code|number|no" },
  { "name", N_("Name"), DD_IMPORT_TEXT, TRUE, NULL,
    "名称|站点名称|阵地名称|联络站名称|name|station|station name" },
  { "kind", N_("Kind"), DD_IMPORT_ENUM, TRUE, dd_station_kinds,
    "类型|站点类型|阵地类型|类别|kind|type" },
  { "address", N_("Address"), DD_IMPORT_TEXT, FALSE, NULL, "地址|详细地址|地点|address" },
  { "district", N_("District"), DD_IMPORT_TEXT, FALSE, NULL, "区县|县区|所在区县|district|county" },
  { "township", N_("Township"), DD_IMPORT_TEXT, FALSE, NULL,
    "乡镇|乡镇街道|乡镇(街道)|街道|所在乡镇|township|town|subdistrict" },
  { "schedule-days", N_("Fixed days"), DD_IMPORT_TEXT, FALSE, NULL,
    "固定时间|接待日|活动日|接待时间|fixed days|days|schedule-days" },
  { "schedule-hours", N_("Fixed hours"), DD_IMPORT_TEXT, FALSE, NULL,
    "接待时段|时段|开放时间|fixed hours|hours|schedule-hours" },
  { "schedule-place", N_("Fixed place"), DD_IMPORT_TEXT, FALSE, NULL,
    "固定地点|接待地点|活动地点|fixed place|place|schedule-place" },
  { "contact-name", N_("Contact person"), DD_IMPORT_TEXT, FALSE, NULL,
    "联系人|负责人|contact|contact person|contact name|contact-name" },
  { "contact-phone", N_("Contact phone"), DD_IMPORT_TEXT, FALSE, NULL,
    "联系电话|电话|手机|contact phone|phone|telephone|contact-phone" },
  { "upgraded-on", N_("Upgrade date"), DD_IMPORT_DATE, FALSE, NULL,
    "提档升级日期|升级日期|提档升级时间|upgrade date|upgraded on|upgraded-on" },
  { "archived", N_("Archived"), DD_IMPORT_BOOL, FALSE, NULL, "已归档|归档|archived" },
  { "note", N_("Note"), DD_IMPORT_TEXT, FALSE, NULL, "备注|说明|note|notes|remark|remarks" },
};

static const DdImportField unit_fields[] = {
  { "name", N_("Name"), DD_IMPORT_TEXT, TRUE, NULL,
    "名称|单位名称|单位|承办单位|办理单位|name|unit|unit name" },
  { "kind", N_("Kind"), DD_IMPORT_ENUM, FALSE, dd_unit_kinds, "类型|单位类型|单位性质|类别|kind|type" },
  { "contact-name", N_("Contact person"), DD_IMPORT_TEXT, FALSE, NULL,
    "联系人|经办人|contact|contact person|contact name|contact-name" },
  { "contact-phone", N_("Contact phone"), DD_IMPORT_TEXT, FALSE, NULL,
    "联系电话|电话|手机|contact phone|phone|telephone|contact-phone" },
  { "active", N_("Active"), DD_IMPORT_BOOL, FALSE, NULL, "在用|启用|有效|active" },
};

static const DdImportField suggestion_fields[] = {
  { "number", N_("Number"), DD_IMPORT_TEXT, FALSE, NULL,
    "编号|建议编号|案号|序号编号|number|no|suggestion number" },
  { "kind", N_("Kind"), DD_IMPORT_ENUM, FALSE, dd_suggestion_kinds,
    "类型|建议类型|来源类型|kind|type" },
  { "title", N_("Title"), DD_IMPORT_TEXT, TRUE, NULL,
    "标题|案由|题目|建议标题|建议案由|title|subject" },
  { "body", N_("Text"), DD_IMPORT_TEXT, FALSE, NULL,
    "内容|正文|建议内容|具体内容|text|body|content" },
  { "category", N_("Category"), DD_IMPORT_ENUM, FALSE, dd_suggestion_categories,
    "类别|分类|建议类别|所属类别|category" },
  { "state", N_("State"), DD_IMPORT_ENUM, FALSE, dd_suggestion_states,
    "状态|办理状态|state|status" },
  { "registered-on", N_("Registration date"), DD_IMPORT_DATE, TRUE, NULL,
    "提出日期|登记日期|提交日期|提出时间|日期|registration date|registered on|date|registered-on" },
  { "proposers", N_("Proposers"), DD_IMPORT_NAMES, FALSE, NULL,
    "领衔代表|提出人|提出代表|代表|代表姓名|建议人|proposer|proposers|lead proposer" },
  { "co-proposers", N_("Co-proposers"), DD_IMPORT_NAMES, FALSE, NULL,
    "附议代表|联名代表|附议人|co-proposers|seconders" },
  { "proposer-level", N_("Proposer’s level"), DD_IMPORT_ENUM, FALSE, dd_deputy_levels,
    "代表层级|层级|级别|proposer level|level" },
  { "proposer-term", N_("Proposer’s term"), DD_IMPORT_INT, FALSE, NULL,
    "代表届次|届次|届别|proposer term|term" },
  { "lead-unit", N_("Lead unit"), DD_IMPORT_TEXT, FALSE, NULL,
    "主办单位|承办单位|办理单位|交办单位|lead unit|unit|handling unit" },
  { "co-units", N_("Co-handling units"), DD_IMPORT_NAMES, FALSE, NULL,
    "协办单位|会办单位|co-handling units|co-units" },
  { "station", N_("Station"), DD_IMPORT_TEXT, FALSE, NULL,
    "站点|联络站|代表之家|站点编号|站点名称|station" },
  { "voter-name", N_("Voter’s name"), DD_IMPORT_TEXT, FALSE, NULL,
    "选民姓名|群众姓名|反映人|voter|voter name|voter's name|voter-name" },
  { "voter-phone", N_("Voter’s phone"), DD_IMPORT_TEXT, FALSE, NULL,
    "选民电话|群众电话|反映人电话|voter phone|voter's phone|voter-phone" },
  { "assigned-on", N_("Date assigned"), DD_IMPORT_DATE, FALSE, NULL,
    "交办日期|交办时间|date assigned|assigned on|assigned-on" },
  { "deadline-on", N_("Reply deadline"), DD_IMPORT_DATE, FALSE, NULL,
    "办理期限|答复期限|办理时限|reply deadline|deadline|deadline-on" },
  { "reply-class", N_("Reply class"), DD_IMPORT_ENUM, FALSE, dd_reply_classes,
    "答复类别|答复类型|答复分类|办理结果|reply class|reply-class" },
  { "replied-on", N_("Date replied"), DD_IMPORT_DATE, FALSE, NULL,
    "答复日期|答复时间|date replied|replied on|replied-on" },
  { "reply-body", N_("Reply"), DD_IMPORT_TEXT, FALSE, NULL,
    "答复内容|答复意见|答复|reply|reply text|reply-body" },
  { "verdict", N_("Verdict"), DD_IMPORT_ENUM, FALSE, dd_verdicts,
    "满意度|测评结果|测评意见|代表评价|评价|verdict|satisfaction" },
  { "evaluated-on", N_("Date evaluated"), DD_IMPORT_DATE, FALSE, NULL,
    "测评日期|评价日期|date evaluated|evaluated on|evaluated-on" },
  { "closed-on", N_("Date closed"), DD_IMPORT_DATE, FALSE, NULL,
    "办结日期|办结时间|date closed|closed on|closed-on" },
};

/* Names of enum values beyond the code and the current language's label:
 * the Chinese and English names an office may write. */
static const struct
{
  const char * const *codes;
  const char         *code;
  const char         *aliases;
} value_aliases[] = {
  { dd_deputy_levels, "national", "全国|全国人大|全国人大代表|国家|国家级|national" },
  { dd_deputy_levels, "provincial", "省|省级|省人大|省人大代表|provincial|province" },
  { dd_deputy_levels, "city", "市|市级|市人大|市人大代表|设区的市|city" },
  { dd_deputy_levels, "county", "县|县级|区|区级|县区|县人大|区人大|县人大代表|区人大代表|county" },
  { dd_deputy_levels, "township", "乡|乡镇|乡级|镇|镇级|乡镇人大|乡镇人大代表|township|town" },
  { dd_deputy_statuses, "active", "在任|正常|履职|现任|active" },
  { dd_deputy_statuses, "resigned", "辞职|辞去|已辞职|resigned" },
  { dd_deputy_statuses, "terminated", "终止|罢免|资格终止|终止资格|terminated" },
  { dd_genders, "male", "男|男性|m|male" },
  { dd_genders, "female", "女|女性|f|female" },
  { dd_station_kinds, "home", "代表之家|人大代表之家|home|deputies home|deputies' home" },
  { dd_station_kinds, "professional_home", "专业代表之家|professional home|professional deputies' home" },
  { dd_station_kinds, "liaison_station", "代表联络站|联络站|人大代表联络站|liaison station" },
  { dd_station_kinds, "work_station", "代表工作站|工作站|work station" },
  { dd_station_kinds, "studio", "代表工作室|工作室|studio|deputy's studio" },
  { dd_station_kinds, "activity_centre", "代表活动中心|活动中心|activity centre|activity center" },
  { dd_station_kinds, "contact_point", "代表联系点|联系点|contact point" },
  { dd_unit_kinds, "government_department", "政府部门|政府工作部门|部门|行政机关|government department" },
  { dd_unit_kinds, "court", "法院|人民法院|court" },
  { dd_unit_kinds, "procuratorate", "检察院|人民检察院|procuratorate" },
  { dd_unit_kinds, "state_enterprise", "国有企业|国企|state enterprise" },
  { dd_unit_kinds, "public_institution", "事业单位|public institution" },
  { dd_unit_kinds, "other", "其他|其它|other" },
  { dd_suggestion_kinds, "deputy_suggestion", "代表建议|建议|deputy suggestion|deputy's suggestion|suggestion" },
  { dd_suggestion_kinds, "voter_opinion", "群众意见|选民意见|意见|voter opinion|voter's opinion|opinion" },
  { dd_suggestion_states, "registered", "已登记|登记|待审查|registered" },
  { dd_suggestion_states, "under_review", "审查中|待交办|under review" },
  { dd_suggestion_states, "assigned", "已交办|交办|assigned" },
  { dd_suggestion_states, "handling", "办理中|正在办理|handling" },
  { dd_suggestion_states, "replied", "已答复|答复|replied" },
  { dd_suggestion_states, "evaluated", "已测评|已评价|evaluated" },
  { dd_suggestion_states, "closed", "已办结|办结|closed" },
  { dd_suggestion_states, "rejected", "不予立案|退回|已退回|rejected" },
  { dd_suggestion_states, "merged", "已合并|合并|merged" },
  { dd_suggestion_states, "transferred_out", "已转交|转交|transferred out" },
  { dd_suggestion_categories, "economy", "经济|经济发展|经济建设|财政经济|economy" },
  { dd_suggestion_categories, "urban_construction", "城建|城乡建设|城市建设|城市管理|urban construction" },
  { dd_suggestion_categories, "education", "教育|教育科技|科教|education" },
  { dd_suggestion_categories, "health", "卫生|医疗卫生|卫生健康|医疗|health" },
  { dd_suggestion_categories, "environment", "环境|生态环境|环境保护|环保|environment" },
  { dd_suggestion_categories, "agriculture", "农业|农业农村|三农|农村|agriculture" },
  { dd_suggestion_categories, "social_security", "社会保障|社保|民生保障|social security" },
  { dd_suggestion_categories, "transport", "交通|交通运输|transport" },
  { dd_suggestion_categories, "culture", "文化|文化旅游|文旅|culture" },
  { dd_suggestion_categories, "public_safety", "公共安全|安全|平安建设|public safety" },
  { dd_suggestion_categories, "governance", "政府治理|治理|社会治理|政务|governance" },
  { dd_suggestion_categories, "other", "其他|其它|other" },
  { dd_reply_classes, "A", "a|a类|已解决|已采纳|解决采纳|已解决或采纳" },
  { dd_reply_classes, "B", "b|b类|正在解决|列入计划|正在解决或列入计划|being solved" },
  { dd_reply_classes, "C", "c|c类|留作参考|kept for reference" },
  { dd_verdicts, "satisfied", "满意|satisfied" },
  { dd_verdicts, "basically_satisfied", "基本满意|basically satisfied" },
  { dd_verdicts, "unsatisfied", "不满意|unsatisfied|dissatisfied" },
};

const DdImportField *
dd_import_kind_get_fields (DdImportKind  kind,
                           guint        *n_fields)
{
  switch (kind)
    {
    case DD_IMPORT_DEPUTIES:
      *n_fields = G_N_ELEMENTS (deputy_fields);
      return deputy_fields;
    case DD_IMPORT_STATIONS:
      *n_fields = G_N_ELEMENTS (station_fields);
      return station_fields;
    case DD_IMPORT_UNITS:
      *n_fields = G_N_ELEMENTS (unit_fields);
      return unit_fields;
    case DD_IMPORT_SUGGESTIONS:
      *n_fields = G_N_ELEMENTS (suggestion_fields);
      return suggestion_fields;
    default:
      g_return_val_if_reached (NULL);
    }
}

const DdImportField *
dd_import_kind_find_field (DdImportKind  kind,
                           const char   *name)
{
  guint n;
  const DdImportField *fields = dd_import_kind_get_fields (kind, &n);

  for (guint i = 0; name != NULL && i < n; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

const char *
dd_import_field_get_label (const DdImportField *field)
{
  return _(field->label);
}

static gboolean
is_dropped (gunichar c)
{
  return g_unichar_isspace (c) || strchr ("*:()[]_-/.'`\"", (int) (c < 128 ? c : 1)) != NULL ||
         c == 0x2019 || c == 0x2018 || c == 0x201C || c == 0x201D || c == 0x3010 ||
         c == 0x3011 || c == 0x3001 || c == 0x300A || c == 0x300B || c == 0xFEFF;
}

char *
dd_import_normalize_header (const char *header)
{
  GString *out;
  g_autofree char *lower = NULL;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width forms (ＡＢＣ，：（）) and the ideographic space */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';
      if (c == 0 || is_dropped (c))
        continue;
      g_string_append_unichar (out, c);
    }
  lower = g_utf8_strdown (out->str, -1);
  g_string_free (out, TRUE);

  /* "(必填)" and the like, once the brackets are gone */
  {
    static const char * const marks[] = { "必填", "选填", "required", "optional" };

    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      if (g_str_has_suffix (lower, marks[i]) && strlen (lower) > strlen (marks[i]))
        lower[strlen (lower) - strlen (marks[i])] = '\0';
  }
  return g_steal_pointer (&lower);
}

gboolean
dd_import_aliases_match (const char *aliases,
                         const char *normalized)
{
  g_auto(GStrv) parts = NULL;

  if (aliases == NULL || normalized == NULL || normalized[0] == '\0')
    return FALSE;
  parts = g_strsplit (aliases, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *alias = dd_import_normalize_header (parts[i]);

      if (g_str_equal (alias, normalized))
        return TRUE;
    }
  return FALSE;
}

/**
 * dd_import_parse_code:
 * Returns: (nullable): the code of @codes that @text names (the code, its
 *   label in the current language, or an alias), or %NULL
 */
const char *
dd_import_parse_code (const char * const *codes,
                      const char         *text)
{
  g_autofree char *normalized = dd_import_normalize_header (text);

  if (normalized[0] == '\0')
    return NULL;
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *code = dd_import_normalize_header (codes[i]);
      g_autofree char *label = dd_import_normalize_header (dd_code_label (codes, codes[i]));

      if (g_str_equal (code, normalized) || g_str_equal (label, normalized))
        return codes[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (value_aliases); i++)
    if (value_aliases[i].codes == codes &&
        dd_import_aliases_match (value_aliases[i].aliases, normalized))
      return value_aliases[i].code;
  return NULL;
}
