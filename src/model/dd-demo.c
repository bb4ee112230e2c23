/* dd-demo.c: a reproducible demo jurisdiction
 *
 * A believable city (or, at province size, twelve cities) with deputies of
 * the five levels, stations, handling units, three years of receptions,
 * suggestions in every state with handling records that agree with the
 * state, and activities. The same seed and anchor date give the same rows.
 *
 * Everything is written in one transaction with one cached INSERT per
 * table, and text is composed into reused buffers bound without copies, so
 * that the generator costs little more than SQLite storing the rows
 * (PERFORMANCE.md; tests/bench measures the ratio).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-demo"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-demo.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-utils.h"

/* Sizes */

typedef struct
{
  const char *name;
  guint       n_cities;
  guint       districts_per_city;
  guint       townships_min;
  guint       townships_max;
  guint       n_deputies;          /* seats */
  guint       n_stations;
  guint       n_units;             /* 0: every city unit and the district governments */
  guint       n_suggestions;
  guint       receptions_per_year; /* per station */
  guint       n_activities;
  guint       attend_min;
  guint       attend_max;
} Profile;

static const Profile profiles[] = {
  [DD_DEMO_SMALL]    = { "small", 1, 8, 4, 7, 250, 25, 0, 300, 12, 40, 6, 20 },
  [DD_DEMO_DISTRICT] = { "district", 1, 8, 8, 14, 1500, 150, 0, 10000, 20, 250, 12, 50 },
  [DD_DEMO_PROVINCE] = { "province", 12, 8, 8, 14, 50000, 500, 300, 1000000, 40, 2000, 20, 120 },
};

#define N_YEARS 3
#define N_LEVELS 5
#define N_CATEGORIES 12
#define PROGRESS_EVERY 16384

/* A small PCG32 (pcg-random.org): fast, and the same numbers on every platform. */
typedef struct
{
  guint64 state;
  guint64 inc;
} Rng;

static guint32
rng_next (Rng *rng)
{
  guint64 old = rng->state;
  guint32 xorshifted, rot;

  rng->state = old * G_GUINT64_CONSTANT (6364136223846793005) + rng->inc;
  xorshifted = (guint32) (((old >> 18) ^ old) >> 27);
  rot = (guint32) (old >> 59);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static void
rng_init (Rng     *rng,
          guint32  seed,
          guint64  stream)
{
  rng->state = 0;
  rng->inc = (stream << 1) | 1;
  rng_next (rng);
  rng->state += seed;
  rng_next (rng);
}

/* 0 … n-1 (0 if n is 0) */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((guint64) rng_next (rng) * n) >> 32);
}

/* lo … hi inclusive */
static int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

static gboolean
rng_permille (Rng   *rng,
              guint  permille)
{
  return rng_below (rng, 1000) < permille;
}

static double
rng_unit (Rng *rng)
{
  return rng_next (rng) / 4294967296.0;
}

static guint
rng_weighted (Rng          *rng,
              const guint16 *weights,
              guint          n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* Rare outcomes by error diffusion rather than dice, so that even the small
 * set has its share of rejected, merged or stalled items whatever the seed. */
typedef struct
{
  double acc;
  double rate;
} Quota;

static void
quota_init (Quota  *quota,
            Rng    *rng,
            double  rate)
{
  quota->rate = rate;
  quota->acc = rng_unit (rng);
}

static gboolean
quota_take (Quota *quota)
{
  quota->acc += quota->rate;
  if (quota->acc >= 1.0)
    {
      quota->acc -= 1.0;
      return TRUE;
    }
  return FALSE;
}

/* Dates as day numbers (H. Hinnant's civil calendar algorithms), biased so
 * that every day we write is positive and 0 can mean "no date". */
#define DAY_BIAS 200000

static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 + DAY_BIAS;
}

static void
civil_from_days (int  z,
                 int *y,
                 int *m,
                 int *d)
{
  int era, doe, yoe, doy, mp;

  z += 719468 - DAY_BIAS;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static void
format_day (int   day,
            char *out)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  out[0] = '0' + y / 1000;
  out[1] = '0' + y / 100 % 10;
  out[2] = '0' + y / 10 % 10;
  out[3] = '0' + y % 10;
  out[4] = '-';
  out[5] = '0' + m / 10;
  out[6] = '0' + m % 10;
  out[7] = '-';
  out[8] = '0' + d / 10;
  out[9] = '0' + d % 10;
  out[10] = '\0';
}

static int
year_of_day (int day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return y;
}

/* The same day @months later, or the month's last day (01-31 + 1 month = 02-28/29). */
static int
add_months (int day,
            int months)
{
  int y, m, d, last;

  civil_from_days (day, &y, &m, &d);
  m += months;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  return days_from_civil (y, m, MIN (d, last));
}

/* Vocabulary */

static const struct { const char *name; guint16 weight; } surnames[] = {
  { "王", 72 }, { "李", 72 }, { "张", 68 }, { "刘", 54 }, { "陈", 45 }, { "杨", 31 },
  { "黄", 22 }, { "赵", 20 }, { "吴", 20 }, { "周", 19 }, { "徐", 15 }, { "孙", 14 },
  { "马", 13 }, { "朱", 13 }, { "胡", 12 }, { "郭", 12 }, { "何", 11 }, { "高", 10 },
  { "林", 10 }, { "罗", 10 }, { "郑", 9 }, { "梁", 9 }, { "谢", 8 }, { "宋", 7 },
  { "唐", 7 }, { "许", 7 }, { "韩", 7 }, { "冯", 7 }, { "邓", 7 }, { "曹", 6 },
  { "彭", 6 }, { "曾", 6 }, { "肖", 6 }, { "田", 6 }, { "董", 6 }, { "袁", 5 },
  { "潘", 5 }, { "于", 5 }, { "蒋", 5 }, { "蔡", 5 }, { "余", 5 }, { "杜", 5 },
  { "叶", 5 }, { "程", 5 }, { "苏", 4 }, { "魏", 4 }, { "吕", 4 }, { "丁", 4 },
  { "任", 4 }, { "沈", 4 }, { "姚", 4 }, { "卢", 4 }, { "姜", 4 }, { "崔", 4 },
  { "钟", 4 }, { "谭", 3 }, { "陆", 3 }, { "汪", 3 }, { "范", 3 }, { "金", 3 },
  { "石", 3 }, { "廖", 3 }, { "贾", 3 }, { "夏", 3 }, { "韦", 3 }, { "付", 3 },
  { "方", 3 }, { "白", 3 }, { "邹", 3 }, { "孟", 3 }, { "熊", 3 }, { "秦", 3 },
  { "邱", 3 }, { "江", 3 }, { "尹", 3 }, { "薛", 2 }, { "闫", 2 }, { "段", 2 },
  { "雷", 2 }, { "侯", 2 }, { "龙", 2 }, { "史", 2 }, { "陶", 2 }, { "黎", 2 },
  { "贺", 2 }, { "顾", 2 }, { "毛", 2 }, { "郝", 2 }, { "龚", 2 }, { "邵", 2 },
  { "万", 2 }, { "钱", 2 }, { "严", 2 }, { "武", 2 }, { "戴", 2 }, { "孔", 1 },
  { "欧阳", 1 }, { "司马", 1 }, { "上官", 1 },
};

static const char * const male_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏",
  "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林",
  "建", "国", "志", "文", "海", "峰", "亮", "成", "东", "永", "胜", "春", "德", "兴",
  "福", "荣", "庆", "振", "新", "学", "立", "宏", "保", "彬", "晨", "博", "哲", "睿",
  "思", "远", "军", "红", "卫", "忠", "光", "岩", "松", "山",
};

static const char * const female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "红", "梅",
  "琳", "燕", "萍", "雪", "婷", "慧", "颖", "倩", "琴", "云", "莉", "兰", "洁", "丹",
  "玉", "晶", "欣", "悦", "佳", "怡", "婧", "雯", "茜", "璐", "蕾", "薇", "露", "凤",
  "月", "春", "华", "爱", "翠", "清", "小", "晓",
};

/* Two-character given names as parents choose them; single characters come from the lists above. */
static const char * const male_given[] = {
  "建国", "建华", "建军", "建平", "建新", "志强", "志刚", "志远", "国强", "国华", "国庆",
  "海涛", "海军", "文明", "文华", "文博", "明辉", "晓东", "晓明", "俊杰", "浩然", "子轩",
  "宇航", "鹏飞", "振华", "永刚", "伟东", "立新", "红军", "卫东", "学军", "德明", "庆华",
  "春雷", "东升", "新民", "光明", "世杰", "家豪", "宏伟", "天宇", "博文", "思远", "一鸣",
  "玉林", "长青", "金龙", "晨阳", "少华", "正阳", "云飞", "兆辉", "德福", "永胜", "振国",
  "保国", "学文", "明亮", "志军", "海峰",
};
static const char * const female_given[] = {
  "秀英", "桂英", "秀兰", "玉兰", "桂兰", "丽娟", "丽华", "淑华", "淑珍", "海燕", "春梅",
  "红梅", "晓燕", "晓红", "晓丽", "雪梅", "美玲", "美华", "玉梅", "婷婷", "丹丹", "静怡",
  "欣怡", "雨涵", "梦瑶", "佳怡", "思雨", "子涵", "慧敏", "丽萍", "翠兰", "凤英", "春燕",
  "文静", "雅琴", "晓霞", "艳红", "亚楠", "玉洁", "金凤", "丽君", "巧玲", "彩霞", "爱华",
  "秋菊", "冬梅", "晓琳", "慧君", "丽娜", "小红",
};

static const char * const mongolian_names[] = {
  "巴特尔", "斯琴", "乌兰", "其木格", "那仁格日勒", "苏和", "额尔敦", "萨仁高娃",
  "阿拉坦仓", "图雅", "宝音", "朝鲁", "乌云", "格日乐", "孟和",
};

static const char * const ethnicities[] = {
  "汉族", "回族", "蒙古族", "满族", "壮族", "土家族", "苗族", "彝族", "藏族", "维吾尔族",
};
static const guint16 ethnicity_weights[] = { 880, 40, 30, 20, 8, 7, 5, 4, 3, 3 };

static const char * const level_codes[N_LEVELS] = {
  "national", "provincial", "city", "county", "township"
};
/* Seats per level, per mille: a city's own deputies dominate, as in seed 000's figures. */
static const guint16 level_weights[N_LEVELS] = { 6, 30, 220, 400, 344 };
/* Who leads a suggestion: mostly the city's and the districts' own deputies. */
static const guint16 proposer_level_weights[N_LEVELS] = { 2, 6, 50, 32, 10 };

static const char * const groups[] = {
  "教科文卫专业代表小组", "财政经济专业代表小组", "农业农村专业代表小组",
  "法制专业代表小组", "城建环保专业代表小组", "社会建设专业代表小组",
};
enum { G_EDU, G_FIN, G_AGR, G_LAW, G_URB, G_SOC };

/* The first N_RURAL_OCCUPATIONS are a village's. */
#define N_RURAL_OCCUPATIONS 6
static const struct { const char *name; guint8 group; } occupations[] = {
  { "村党支部书记、村委会主任", G_AGR }, { "农民", G_AGR }, { "种植专业合作社理事长", G_AGR },
  { "家庭农场主", G_AGR }, { "养殖大户", G_AGR }, { "村医", G_EDU },
  { "社区党委书记、居委会主任", G_SOC }, { "小学教师", G_EDU }, { "中学校长", G_EDU },
  { "高校教授", G_EDU }, { "主任医师", G_EDU }, { "乡镇卫生院院长", G_EDU },
  { "护士长", G_EDU }, { "公司董事长", G_FIN },
  { "公司总经理", G_FIN }, { "个体工商户", G_FIN }, { "会计师事务所所长", G_FIN },
  { "银行支行行长", G_FIN }, { "企业一线工人", G_FIN }, { "高级工程师", G_FIN },
  { "律师事务所主任", G_LAW }, { "派出所所长", G_LAW }, { "司法所所长", G_LAW },
  { "人民调解员", G_LAW }, { "建筑公司项目经理", G_URB }, { "环卫工人", G_URB },
  { "物业公司经理", G_URB }, { "乡镇党委书记", G_SOC }, { "街道办事处主任", G_SOC },
  { "快递员", G_SOC }, { "退休干部", G_SOC }, { "社会组织负责人", G_SOC },
};

static const char * const resign_reasons[] = {
  "因工作调动辞去代表职务", "因个人原因辞去代表职务", "调离本行政区域，辞去代表职务",
};
static const char * const terminate_reasons[] = {
  "迁出本行政区域，代表资格终止", "因病去世，代表资格终止", "被依法罢免，代表资格终止",
};

static const char * const city_names[] = {
  "江州市", "云阳市", "青川市", "白水市", "临河市", "安平市",
  "东陵市", "南屏市", "北山市", "西原市", "长宁市", "秀水市",
};
static const char * const province_name = "江南省";

/* The first city's districts; other cities draw theirs from the pools below. */
static const char * const home_districts[] = {
  "城关区", "新城区", "河西区", "东湖区", "北塘区", "临江县", "石门县", "青山县",
};
static const char * const urban_district_pool[] = {
  "城关区", "新城区", "河西区", "东湖区", "北塘区", "南湖区", "西山区", "红旗区",
  "滨江区", "江北区", "河东区", "城中区", "龙湖区", "凤凰区", "金水区", "鼓楼区",
};
static const char * const county_pool[] = {
  "临江县", "石门县", "青山县", "平安县", "永和县", "白马县", "清水县", "长丰县",
  "大通县", "乐平县", "安宁县", "兴隆县", "富民县", "宁远县", "丰乐县", "太和县",
};
static const char * const street_stems[] = {
  "解放路", "人民路", "新华", "朝阳", "和平", "建设", "文化路", "胜利", "长江路",
  "黄河路", "光明", "团结", "幸福", "东风", "红星", "滨江", "花园", "站前", "南关",
  "北关", "西关", "东关", "府前", "青年路", "工农", "五一", "中山", "振兴", "龙泉",
  "金口", "桥东", "桥西", "铁路", "书院", "鼓楼", "北京路",
};
static const char * const town_names[] = {
  "城关镇", "石桥镇", "白马镇", "柳林镇", "龙泉镇", "黄土坡乡", "杨家坪乡", "河口镇",
  "双河镇", "三岔镇", "高桥镇", "新集镇", "马坊镇", "李家庄乡", "大王庄乡", "清泉镇",
  "松林镇", "青龙镇", "古城镇", "太平镇", "永安镇", "长乐镇", "红岩乡", "桃园镇",
  "梨花乡", "望城镇", "东坝镇", "西河乡", "南山乡", "北坡乡", "金鸡镇", "安乐乡",
};
static const char * const communities[] = {
  "幸福里社区", "阳光社区", "和平里社区", "锦绣社区", "翠园社区", "书香社区",
  "康乐社区", "福安社区", "新风社区", "春晖社区", "金桥社区", "丽景社区",
};
static const char * const villages[] = {
  "王家庄村", "李家湾村", "石桥村", "柳树沟村", "新民村", "红旗村", "东风村",
  "前进村", "大坪村", "马家岭村", "杨柳村", "河湾村",
};
static const char * const roads[] = {
  "人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "文化路", "胜利路",
  "长江路", "黄河路", "朝阳路", "光明路", "团结路", "幸福路", "民主路", "青年路",
  "工业路", "府前街", "东大街", "西大街",
};

static const char * const station_kind_codes[] = {
  "home", "professional_home", "liaison_station", "work_station", "studio",
  "activity_centre", "contact_point",
};
static const guint16 station_kind_weights[] = { 22, 8, 32, 16, 10, 5, 7 };
static const char * const professions[] = {
  "林果蔬", "医疗卫生", "教育", "法律服务", "民营企业家", "现代农业", "科技创新", "生态环保",
};
static const char * const schedule_days[] = {
  "每月第一个星期三", "每月10日、25日", "每周二", "每周四", "每月第二个星期五",
  "每季度首月15日", "每月5日", "每月第三个星期一",
};
static const char * const schedule_hours[] = {
  "09:00—11:30", "14:30—17:00", "09:00—12:00", "15:00—17:30",
};
static const char * const schedule_places[] = {
  "一楼代表接待室", "党群服务中心二楼会议室", "代表之家接待大厅", "社区议事厅", "联络站活动室",
};

static const char * const reception_topics[] = {
  "日常接待选民", "集中接待选民", "民生实事项目征求意见", "老旧小区改造意见征集",
  "“代表进家”主题接待", "法规草案征求意见", "乡村振兴专题接待", "优化营商环境专题接待",
  "预算审查征求意见", "“双联系”接待活动",
};

/* Categories, in the order of dd_suggestion_categories */

enum {
  C_EC = 1 << 0, C_UC = 1 << 1, C_ED = 1 << 2, C_HE = 1 << 3, C_EN = 1 << 4, C_AG = 1 << 5,
  C_SS = 1 << 6, C_TR = 1 << 7, C_CU = 1 << 8, C_PS = 1 << 9, C_GO = 1 << 10, C_OT = 1 << 11,
};

typedef struct { const char *verb; const char *object; } Topic;
typedef struct { const char *what; const char *request; } Problem;  /* what a voter reports, and asks */

typedef struct
{
  const char          *code;
  guint16              deputy_weight;
  guint16              voter_weight;
  const Topic         *topics;
  guint                n_topics;
  const Problem       *problems;
  guint                n_problems;
  const char * const  *backgrounds;  /* '@' stands for the place */
  guint                n_backgrounds;
  const char * const  *issues;
  guint                n_issues;
  const char * const  *measures;
  guint                n_measures;
} Category;

#define LIST(a) a, G_N_ELEMENTS (a)

static const Topic ec_topics[] = {
  { "优化", "营商环境" }, { "支持", "中小微企业发展" }, { "加快", "夜间经济发展" },
  { "推动", "传统商圈转型升级" }, { "加强", "农产品电商平台建设" }, { "降低", "企业用电用气成本" },
  { "规范", "涉企行政检查" }, { "完善", "重点项目要素保障" },
};
static const Problem ec_problems[] = {
  { "个体工商户办证难", "简化办证流程，推行全程网办" }, { "农贸市场摊位费上涨", "规范农贸市场收费行为" },
  { "商铺租金减免政策落实不到位", "督促落实租金减免政策" }, { "企业拖欠农民工工资", "依法督促企业足额支付工资" },
  { "小微企业贷款审批慢", "协调金融机构加快审批" },
};
static const char * const ec_backgrounds[] = {
  "近年来，@经济保持平稳发展，市场主体数量稳步增长", "@是重要的产业集聚区，民营经济占比较高",
  "随着一系列稳经济政策落地，@营商环境持续改善",
};
static const char * const ec_issues[] = {
  "部分企业反映审批环节多、办事周期长，政策兑现不够及时",
  "中小微企业融资难、融资贵问题依然存在，部分惠企政策知晓率不高",
  "部分行业用工紧张，企业生产经营成本居高不下",
  "产业链条短、配套能力弱，对经济增长的带动作用有限",
};
static const char * const ec_measures[] = {
  "进一步精简审批事项，推行“一件事一次办”", "建立惠企政策直达机制，确保政策应享尽享",
  "设立中小微企业应急转贷资金", "加强政银企对接，扩大信用贷款规模",
  "定期开展企业走访，及时协调解决实际困难", "完善产业链招商，培育一批链主企业",
  "规范涉企收费，坚决查处乱收费行为",
};

static const Topic uc_topics[] = {
  { "加快推进", "老旧小区改造" }, { "解决", "小区停车难问题" }, { "加强", "背街小巷环境整治" },
  { "完善", "城市排水防涝设施" }, { "推进", "既有住宅加装电梯" }, { "加快", "城中村改造" },
  { "规范", "物业服务管理" }, { "加强", "城市路灯维护管理" },
};
static const Problem uc_problems[] = {
  { "小区路灯损坏", "尽快维修更换路灯" }, { "楼道墙皮脱落", "将该小区纳入老旧小区改造计划" }, { "雨天路面积水严重", "疏通排水管网，改造积水点" },
  { "小区停车位不足", "利用周边空地增设停车位" }, { "加装电梯推进缓慢", "加快加装电梯审批和补贴发放" }, { "物业服务质量差", "督促物业公司整改，提升服务质量" },
  { "下水道堵塞返水", "尽快疏通维修下水管道" }, { "人行道破损", "尽快修复破损人行道" },
};
static const char * const uc_backgrounds[] = {
  "@建成时间较早的住宅小区较多，基础设施老化问题比较突出",
  "随着城市建成区不断扩大，@人口密度持续增加", "近年来@城市更新工作取得一定成效",
};
static const char * const uc_issues[] = {
  "部分小区管网老化、道路破损，雨季积水严重，居民出行不便",
  "停车位供需矛盾突出，车辆乱停乱放现象时有发生",
  "部分背街小巷路面坑洼，照明设施缺失，存在安全隐患", "物业管理不规范，居民投诉较多",
};
static const char * const uc_measures[] = {
  "将相关小区纳入年度改造计划，优先解决水电气路等民生短板", "统筹利用边角空地建设公共停车场",
  "建立部门联动机制，明确维修养护责任主体", "加大财政投入，争取上级专项资金支持",
  "推行“红色物业”，提升物业服务水平", "简化加装电梯审批流程，落实财政补贴",
  "建立长效管护机制，防止问题反弹",
};

static const Topic ed_topics[] = {
  { "加快", "中小学校建设" }, { "缓解", "学校周边交通拥堵" }, { "加强", "乡村教师队伍建设" },
  { "推进", "义务教育优质均衡发展" }, { "规范", "校外培训机构管理" },
  { "增加", "普惠性幼儿园学位供给" }, { "加强", "中小学生心理健康教育" },
  { "改善", "农村学校办学条件" },
};
static const Problem ed_problems[] = {
  { "上学放学时段校门口拥堵", "在学校周边设置接送车位并加强疏导" }, { "小区配套幼儿园迟迟未开园", "督促配套幼儿园尽快移交开园" },
  { "学校食堂饭菜质量差", "加强学校食堂监管" }, { "课后服务收费不透明", "公开课后服务收费项目和标准" }, { "校车接送不方便", "优化校车线路和站点" },
};
static const char * const ed_backgrounds[] = {
  "随着城镇化进程加快，@适龄入学儿童逐年增加", "近年来@教育事业发展较快，办学条件明显改善",
  "@部分学校建校时间早、规模小",
};
static const char * const ed_issues[] = {
  "部分学校大班额问题仍然存在，学位供给紧张", "上下学高峰时段学校周边车辆拥堵，学生安全存在隐患",
  "乡村学校教师结构性缺编，优秀教师流失较多", "学校体育设施和功能教室配备不足",
};
static const char * const ed_measures[] = {
  "科学规划学校布局，新建、改扩建一批中小学校", "在学校周边设置临时停车区和接送通道",
  "落实乡村教师生活补助，稳定乡村教师队伍", "推进集团化办学，扩大优质教育资源覆盖面",
  "加强校外培训机构日常监管", "配齐配强心理健康教育专职教师",
  "加大教育经费投入，改善农村学校办学条件",
};

static const Topic he_topics[] = {
  { "加强", "基层医疗卫生服务能力建设" }, { "解决", "群众看病难问题" }, { "推进", "紧密型医共体建设" },
  { "完善", "家庭医生签约服务" }, { "加强", "村卫生室建设" }, { "提高", "门诊慢特病报销比例" },
  { "加快", "区域医疗中心建设" }, { "加强", "院前急救体系建设" },
};
static const Problem he_problems[] = {
  { "社区卫生服务站药品不全", "增加社区卫生服务站常用药品配备" }, { "医院挂号难排队时间长", "推广预约挂号，优化就诊流程" },
  { "村卫生室长期无人值守", "落实村医值守制度" }, { "医保异地结算手续繁琐", "简化异地就医备案和结算手续" },
  { "慢性病用药报销难", "将常见慢性病用药纳入门诊报销" },
};
static const char * const he_backgrounds[] = {
  "@常住人口中老年人占比较高，医疗卫生服务需求日益增长", "近年来@医疗卫生服务体系不断完善",
  "@地域面积大，部分村组距离乡镇卫生院较远",
};
static const char * const he_issues[] = {
  "基层医疗机构人才短缺、设备陈旧，群众小病也往大医院跑", "优质医疗资源分布不均，大医院一号难求",
  "家庭医生签约服务存在“签而不约”现象", "部分村卫生室用房简陋，村医年龄偏大、后继乏人",
};
static const char * const he_measures[] = {
  "加大基层医疗卫生人才招引和培养力度", "推动优质医疗资源下沉，建立专家定期坐诊制度",
  "提高村医待遇，落实养老保障", "扩大门诊慢特病病种范围，简化报销手续",
  "推广预约诊疗和检查结果互认", "加强急救站点布局和急救车辆配备",
  "将符合条件的村卫生室纳入医保定点",
};

static const Topic en_topics[] = {
  { "加强", "餐饮油烟污染治理" }, { "推进", "生活垃圾分类" }, { "加强", "河道综合治理" },
  { "加大", "建筑工地扬尘管控力度" }, { "推进", "农村生活污水治理" }, { "加强", "噪声污染防治" },
  { "加快", "口袋公园建设" }, { "加强", "饮用水水源地保护" },
};
static const Problem en_problems[] = {
  { "小区周边餐馆油烟扰民", "督促餐馆安装油烟净化设施" }, { "河道有异味", "开展河道清淤和截污治理" }, { "夜间施工噪声扰民", "依法查处夜间违规施工" },
  { "垃圾清运不及时", "增加垃圾清运频次" }, { "渣土车沿路抛洒", "加强渣土车辆运输监管" }, { "企业排放刺鼻气味", "对相关企业排放进行监测和查处" },
};
static const char * const en_backgrounds[] = {
  "近年来@生态环境质量持续改善，群众对美好环境的期待不断提高",
  "@地处城乡结合部，环境基础设施相对薄弱", "@河网密布、水系发达",
};
static const char * const en_issues[] = {
  "部分餐饮店油烟净化设施缺失，油烟直排扰民问题突出", "部分河段存在垃圾漂浮、水体发黑发臭现象",
  "建筑工地和道路扬尘管控不到位", "农村生活污水收集处理设施覆盖率不高",
};
static const char * const en_measures[] = {
  "开展专项整治行动，督促安装油烟净化设施", "建立河长巡查问题清单，落实整改责任",
  "加强在线监测，对违规行为依法查处", "加快污水管网建设，提高收集处理率",
  "完善垃圾分类收运体系，推行定时定点投放", "合理规划建设口袋公园，增加绿化面积",
  "加大环保宣传力度，引导群众共同参与",
};

static const Topic ag_topics[] = {
  { "加快", "高标准农田建设" }, { "加强", "农村饮水安全保障" }, { "推动", "特色农产品品牌建设" },
  { "加大", "农业保险支持力度" }, { "完善", "农村道路基础设施" }, { "推进", "农村人居环境整治" },
  { "支持", "新型农业经营主体发展" }, { "巩固", "脱贫攻坚成果" },
};
static const Problem ag_problems[] = {
  { "村里自来水水压不足", "改造供水管网，保障正常供水" }, { "灌溉渠道淤塞", "组织清淤修复灌溉渠道" }, { "农产品销售难", "帮助对接电商平台和销售渠道" },
  { "村道路面破损", "尽快修复破损村道" }, { "耕地撂荒", "引导流转撂荒耕地恢复耕种" }, { "农机补贴申请难", "简化农机购置补贴申请手续" },
};
static const char * const ag_backgrounds[] = {
  "@是重要的粮食和特色农产品生产基地", "近年来@乡村振兴各项工作扎实推进",
  "@山区面积较大，农业生产条件相对较差",
};
static const char * const ag_issues[] = {
  "部分农田水利设施年久失修，灌溉保障能力不足", "部分村组饮水工程老化，旱季供水不稳定",
  "农产品品牌小散弱，销售渠道单一，农民增收难", "部分村组道路狭窄破损，群众出行和农产品运输不便",
};
static const char * const ag_measures[] = {
  "加大高标准农田建设投入，完善灌排设施", "实施农村供水保障工程，推进城乡供水一体化",
  "打造区域公用品牌，拓宽电商销售渠道", "扩大政策性农业保险覆盖面", "加快“四好农村路”建设",
  "加大对家庭农场和农民合作社的扶持力度", "健全防止返贫动态监测和帮扶机制",
};

static const Topic ss_topics[] = {
  { "加快", "社区居家养老服务体系建设" }, { "做好", "高校毕业生就业工作" },
  { "提高", "城乡低保保障水平" }, { "加强", "困难群体帮扶救助" },
  { "完善", "灵活就业人员社会保障" }, { "推进", "普惠托育服务发展" },
  { "加强", "残疾人康复服务" }, { "加大", "保障性住房供给" },
};
static const Problem ss_problems[] = {
  { "社区缺少老年食堂", "在社区开办老年助餐点" }, { "养老金认证手续繁琐", "推行养老金资格线上认证" }, { "低保申请审核时间长", "缩短低保审核审批时限" },
  { "公租房申请门槛高", "适当放宽公租房申请条件" }, { "托育机构收费过高", "发展普惠托育服务" },
};
static const char * const ss_backgrounds[] = {
  "@人口老龄化程度不断加深，60岁以上老年人口占比超过20%", "近年来@民生保障水平稳步提高",
  "@外来务工人员和灵活就业人员较多",
};
static const char * const ss_issues[] = {
  "社区养老服务设施不足，居家养老服务供给不能满足需求",
  "部分困难群众申请救助程序复杂，救助资金发放不够及时",
  "灵活就业人员参保意愿不强，社会保障覆盖存在短板", "普惠托育服务资源短缺，双职工家庭育儿压力较大",
};
static const char * const ss_measures[] = {
  "在社区建设嵌入式养老服务设施和老年食堂", "简化救助申请程序，推行“一门受理、协同办理”",
  "落实就业创业补贴政策，开发更多公益性岗位", "提高城乡低保标准，实行动态调整",
  "扩大保障性租赁住房供给", "支持社会力量举办普惠托育机构", "加强残疾人康复机构建设",
};

static const Topic tr_topics[] = {
  { "优化", "城区公交线路" }, { "加快", "城乡公交一体化建设" }, { "缓解", "城区交通拥堵" },
  { "加强", "农村公路养护管理" }, { "完善", "交通信号灯设置" }, { "增设", "过街天桥和人行横道" },
  { "规范", "电动自行车管理" }, { "加快", "新能源汽车充电设施建设" },
};
static const Problem tr_problems[] = {
  { "公交车班次少间隔长", "加密公交班次" }, { "路口红绿灯时间设置不合理", "优化信号灯配时" }, { "道路缺少减速带", "增设减速带和警示标志" },
  { "村道弯急路窄", "对危险路段进行拓宽改造" }, { "电动车充电难", "在小区增设电动车充电桩" }, { "路口缺少人行横道", "施划人行横道并设置信号灯" },
};
static const char * const tr_backgrounds[] = {
  "随着机动车保有量快速增长，@交通压力日益加大", "@是连接城区与周边乡镇的重要通道",
  "近年来@道路交通基础设施不断完善",
};
static const char * const tr_issues[] = {
  "部分路段早晚高峰拥堵严重，群众出行时间成本增加", "公交线路覆盖不足，部分新建小区和村组不通公交",
  "部分路口交通设施不完善，存在较大安全隐患", "电动自行车数量大，乱停乱放和飞线充电问题突出",
};
static const char * const tr_measures[] = {
  "优化调整公交线路和班次，延长末班车时间", "科学设置交通信号配时，推行绿波带",
  "在事故多发路段增设减速带和警示标志", "加快推进城乡公交一体化", "加强农村公路日常养护",
  "在小区集中建设电动车充电设施", "加大交通违法行为查处力度",
};

static const Topic cu_topics[] = {
  { "加强", "历史文化街区保护" }, { "推进", "全民健身设施建设" }, { "完善", "公共文化服务体系" },
  { "推动", "文旅融合发展" }, { "加强", "非物质文化遗产保护传承" }, { "加快", "乡村文化广场建设" },
};
static const Problem cu_problems[] = {
  { "社区缺少健身场地", "利用闲置空地建设健身场地" }, { "图书馆开放时间短", "延长图书馆开放时间" }, { "广场舞噪音扰民", "规范广场舞活动时间和音量" },
  { "文化站设施闲置", "盘活文化站设施，常态化开展活动" }, { "古建筑缺乏保护", "对古建筑进行修缮保护" },
};
static const char * const cu_backgrounds[] = {
  "@历史文化底蕴深厚，文物古迹和传统村落较多", "近年来@公共文化服务体系建设不断加强",
  "随着生活水平提高，@群众对文化体育活动的需求日益增长",
};
static const char * const cu_issues[] = {
  "部分历史建筑年久失修，保护利用不够", "基层文化设施利用率不高，活动形式单一",
  "全民健身场地设施不足，群众“健身去哪儿”问题突出", "文旅资源开发不足，缺乏有影响力的旅游品牌",
};
static const char * const cu_measures[] = {
  "编制历史文化保护专项规划，加大修缮投入", "利用闲置用地建设社区健身场地",
  "延长公共文化场馆开放时间", "培育文旅融合精品线路", "加强非遗传承人培养",
  "开展群众性文化活动，丰富群众精神文化生活",
};

static const Topic ps_topics[] = {
  { "加强", "食品安全监管" }, { "加强", "高层建筑消防安全管理" }, { "推进", "平安社区建设" },
  { "加强", "电信网络诈骗防范" }, { "完善", "应急避难场所建设" }, { "加强", "校园周边治安管理" },
};
static const Problem ps_problems[] = {
  { "小区消防通道被占用", "清理占用消防通道的车辆和杂物" }, { "老旧小区电线私拉乱接", "开展电气线路安全整治" }, { "夜市摊点食品卫生差", "加强夜市食品安全检查" },
  { "路口监控探头损坏", "尽快修复监控设备" }, { "老人频遭电信诈骗", "在社区开展防诈骗宣传" },
};
static const char * const ps_backgrounds[] = {
  "@人员密集场所和高层建筑较多，安全管理任务繁重", "近年来@社会治安形势总体平稳",
  "@小餐饮、小作坊数量较多",
};
static const char * const ps_issues[] = {
  "部分小区消防通道堵塞、消防设施损坏，存在火灾隐患", "电信网络诈骗案件时有发生，老年人受骗比例较高",
  "食品小作坊卫生条件差，监管难度大", "部分区域视频监控覆盖不足",
};
static const char * const ps_measures[] = {
  "开展消防安全专项检查，及时消除隐患", "加强反诈宣传，进社区、进家庭", "加强食品安全日常抽检",
  "完善治安防控体系，增设视频监控", "加强网格员队伍建设", "定期组织应急演练",
};

static const Topic go_topics[] = {
  { "推进", "政务服务“一网通办”" }, { "加强", "基层社会治理" }, { "深化", "矛盾纠纷多元化解" },
  { "加强", "社区工作者队伍建设" }, { "推进", "法治乡村建设" }, { "规范", "村级小微权力运行" },
};
static const Problem go_problems[] = {
  { "办事需要多次跑腿", "推行“一窗通办”，减少群众跑腿" }, { "社区事务性工作负担重", "清理社区工作事项，为社区减负" },
  { "邻里纠纷调解难", "加强社区人民调解工作" }, { "政务热线回复不及时", "提高政务热线办理时效" }, { "村务公开不及时", "督促按时公开村务" },
};
static const char * const go_backgrounds[] = {
  "@社区规模大、人口多，基层治理任务繁重", "近年来@持续深化“放管服”改革",
  "@外来人口较多，社会结构复杂",
};
static const char * const go_issues[] = {
  "部分事项仍需群众多头跑、反复跑", "社区承担的事务性工作过多，服务群众精力不足",
  "基层矛盾纠纷化解机制不够健全", "部分村务公开不及时、不规范",
};
static const char * const go_measures[] = {
  "推进数据共享，实现更多事项“一网通办”", "清理规范社区工作事项，为基层减负",
  "健全人民调解、行政调解、司法调解联动机制", "提高社区工作者待遇",
  "推进法律顾问进村居", "完善村务监督委员会制度",
};

static const Topic ot_topics[] = {
  { "加强", "人大代表履职保障" }, { "改善", "城区手机信号覆盖" }, { "加强", "流浪动物管理" },
  { "规范", "城市养犬管理" }, { "推进", "无障碍环境建设" },
};
static const Problem ot_problems[] = {
  { "小区手机信号差", "协调通信运营商增设基站" }, { "流浪狗伤人", "加强流浪犬收容管理" }, { "宽带安装难", "协调运营商尽快完成宽带入户" },
  { "快递网点乱收费", "规范快递网点收费行为" },
};
static const char * const ot_backgrounds[] = {
  "@常住人口持续增长，群众诉求日益多元", "近年来@各项社会事业协调发展",
  "群众反映@相关问题较为集中",
};
static const char * const ot_issues[] = {
  "有关问题涉及多个部门，职责交叉，长期得不到有效解决", "群众多次反映，但问题依然存在",
  "相关管理制度不够健全，监管存在薄弱环节",
};
static const char * const ot_measures[] = {
  "明确牵头部门，建立协调联动机制", "加大投入，补齐设施短板", "加强日常监管，及时回应群众关切",
  "广泛征求群众意见，完善相关管理办法", "加强宣传引导，营造良好社会氛围",
};

#define CATEGORY(code, dw, vw, p) \
  { code, dw, vw, LIST (p##_topics), LIST (p##_problems), LIST (p##_backgrounds), \
    LIST (p##_issues), LIST (p##_measures) }

static const Category categories[N_CATEGORIES] = {
  CATEGORY ("economy", 10, 5, ec),
  CATEGORY ("urban_construction", 14, 20, uc),
  CATEGORY ("education", 12, 9, ed),
  CATEGORY ("health", 10, 9, he),
  CATEGORY ("environment", 8, 11, en),
  CATEGORY ("agriculture", 11, 8, ag),
  CATEGORY ("social_security", 10, 10, ss),
  CATEGORY ("transport", 10, 12, tr),
  CATEGORY ("culture", 5, 4, cu),
  CATEGORY ("public_safety", 4, 6, ps),
  CATEGORY ("governance", 4, 4, go),
  CATEGORY ("other", 2, 2, ot),
};

/* Handling units. In a name '$' is the city prefix ("市" for the one city,
 * "江州市" in a province) and '#' the city's short name ("江州"). */
typedef struct
{
  const char *name;
  const char *kind;
  guint32     categories;
} UnitTemplate;

#define GOV "government_department"

/* Most important first: a province keeps the first ones of each city. */
static const UnitTemplate city_units[] = {
  { "$教育局", GOV, C_ED },
  { "$住房和城乡建设局", GOV, C_UC | C_SS | C_CU | C_EN },
  { "$公安局", GOV, C_PS | C_GO | C_OT },
  { "$交通运输局", GOV, C_TR | C_AG },
  { "$卫生健康委员会", GOV, C_HE | C_SS },
  { "$生态环境局", GOV, C_EN },
  { "$农业农村局", GOV, C_AG },
  { "$人力资源和社会保障局", GOV, C_SS | C_EC | C_ED },
  { "$民政局", GOV, C_SS | C_GO },
  { "$自然资源和规划局", GOV, C_UC | C_CU },
  { "$城市管理局", GOV, C_UC | C_EN | C_TR | C_OT },
  { "$水务局", GOV, C_UC | C_EN | C_AG },
  { "$发展和改革委员会", GOV, C_EC },
  { "$市场监督管理局", GOV, C_EC | C_PS },
  { "$文化广电和旅游局", GOV, C_CU },
  { "$医疗保障局", GOV, C_HE | C_SS },
  { "$中级人民法院", "court", C_GO },
  { "$人民检察院", "procuratorate", C_GO | C_PS },
  { "国网#供电公司", "state_enterprise", C_EC | C_UC | C_AG },
  { "$财政局", GOV, C_EC | C_ED | C_HE },
  { "$工业和信息化局", GOV, C_EC },
  { "$商务局", GOV, C_EC | C_AG },
  { "$应急管理局", GOV, C_PS },
  { "$公安局交通警察支队", GOV, C_TR | C_ED },
  { "$司法局", GOV, C_GO },
  { "$政务服务和数据管理局", GOV, C_GO | C_EC },
  { "$乡村振兴局", GOV, C_AG },
  { "$林业和草原局", GOV, C_AG | C_EN },
  { "$退役军人事务局", GOV, C_SS },
  { "$体育局", GOV, C_CU },
  { "$信访局", GOV, C_GO },
  { "$科学技术局", GOV, C_EC },
  { "$住房公积金管理中心", "public_institution", C_UC | C_SS },
  { "$第一人民医院", "public_institution", C_HE },
  { "$中医医院", "public_institution", C_HE },
  { "$消防救援支队", "other", C_PS },
  { "$公共交通集团有限公司", "state_enterprise", C_TR },
  { "#水务集团有限公司", "state_enterprise", C_UC },
  { "#燃气集团有限公司", "state_enterprise", C_UC | C_PS },
  { "$城市投资发展集团有限公司", "state_enterprise", C_UC | C_EC },
  { "中国移动#分公司", "state_enterprise", C_OT },
  { "中国电信#分公司", "state_enterprise", C_OT },
  { "国家税务总局#市税务局", GOV, C_EC },
  { "$审计局", GOV, C_GO },
  { "$国有资产监督管理委员会", GOV, C_EC },
  { "$民族宗教事务委员会", GOV, C_GO },
  { "$统计局", GOV, C_EC },
  { "$气象局", GOV, C_AG },
  { "$总工会", "other", C_SS },
  { "$妇女联合会", "other", C_SS },
  { "$残疾人联合会", "other", C_SS },
};

static const UnitTemplate province_units[] = {
  { "省发展和改革委员会", GOV, C_EC }, { "省教育厅", GOV, C_ED },
  { "省公安厅", GOV, C_PS }, { "省民政厅", GOV, C_SS }, { "省财政厅", GOV, C_EC },
  { "省人力资源和社会保障厅", GOV, C_SS }, { "省自然资源厅", GOV, C_UC },
  { "省生态环境厅", GOV, C_EN }, { "省住房和城乡建设厅", GOV, C_UC },
  { "省交通运输厅", GOV, C_TR }, { "省水利厅", GOV, C_AG | C_EN },
  { "省农业农村厅", GOV, C_AG }, { "省商务厅", GOV, C_EC }, { "省文化和旅游厅", GOV, C_CU },
  { "省卫生健康委员会", GOV, C_HE }, { "省应急管理厅", GOV, C_PS },
  { "省市场监督管理局", GOV, C_EC | C_PS }, { "省医疗保障局", GOV, C_HE | C_SS },
  { "省高级人民法院", "court", C_GO }, { "省人民检察院", "procuratorate", C_GO },
  { "国网江南省电力有限公司", "state_enterprise", C_EC | C_UC },
};

static const char * const rejection_reasons[] = {
  "不属于本级人大代表建议办理范围，转作参阅件", "内容涉及个人诉求，建议通过信访渠道反映",
  "与已交办的建议内容重复", "所提问题已解决，不再交办",
  "属于诉讼范围，建议依法通过司法途径解决",
};
static const char * const unsatisfied_comments[] = {
  "答复内容较为原则，问题未得到实质性解决", "办理过程中未与代表充分沟通",
  "承诺事项落实不到位，群众仍有意见", "答复时间超过规定期限",
};
static const char * const satisfied_comments[] = {
  "办理态度认真，沟通及时", "问题已解决，群众满意", "答复具体，措施可行",
};
static const char * const supervision_notes[] = {
  "组织代表赴现场督办，听取承办单位办理情况汇报",
  "列为常委会重点督办建议，由主任会议成员领衔督办",
  "代表工作委员会跟踪督办，定期了解办理进度",
};
static const char * const supervision_modes[] = { "on_site", "key", "tracking" };
/* A fixed rotation so that each mode occurs even in the small set. */
static const guint8 supervision_pattern[] = { 2, 1, 0, 2, 2, 1, 0, 2, 1, 2 };

static const char * const activity_kinds[] = {
  "inspection", "research", "training", "law_enforcement_check", "group_activity",
  "attending_meeting", "reporting_to_voters",
};
static const guint16 activity_weights[] = { 20, 18, 10, 8, 22, 14, 8 };
static const char * const laws[] = {
  "食品安全法", "大气污染防治法", "道路交通安全法", "未成年人保护法", "安全生产法",
  "农业法", "消防法", "老年人权益保障法", "乡村振兴促进法", "水污染防治法",
};
static const char * const trainings[] = {
  "年度人大代表履职能力提升培训班", "新任人大代表初任培训", "代表建议撰写专题培训",
  "预算审查监督专题培训",
};

/* The generator */

typedef struct
{
  const char *name;
  guint       city;
  gboolean    county;           /* a 县 (towns and villages) rather than a 区 (streets) */
  guint       first_township;
  guint       n_townships;
  int         term_offset;
} District;

typedef struct
{
  const char *name;
  guint       district;
} Township;

typedef struct
{
  guint32 district;
  guint32 township;   /* G_MAXUINT32: none */
  guint8  level;
  guint8  active;
} DeputyInfo;

typedef struct
{
  guint32  district;
  guint32  township;
  GArray  *deputies;  /* guint32 ids */
} StationInfo;

typedef struct
{
  int     day;
  guint32 station;
  guint32 n_opinions;
  guint32 first_deputy;  /* into Gen.reception_deputies */
  guint32 n_deputies;
} ReceptionInfo;

typedef struct
{
  int     day;
  guint32 kind;
} ActivityPlan;

typedef struct
{
  DdStore        *store;
  sqlite3        *db;
  const Profile  *profile;
  guint32         seed;
  int             anchor;        /* day number */
  int             first_day;     /* the first day of the three years */
  char            now[20];       /* every *_at: the anchor at a fixed time */
  DdDemoProgress  progress;
  gpointer        progress_data;

  GStringChunk   *strings;
  GArray         *districts;     /* District */
  GArray         *townships;     /* Township */
  GArray         *deputies;      /* DeputyInfo, index = id - 1 */
  GPtrArray      *deputy_names;  /* const char *, index = id - 1 */
  GArray         *active_by_level[N_LEVELS];   /* guint32 ids */
  GArray         *active_by_district;          /* GArray * of guint32 ids, per district */
  GArray         *stations;      /* StationInfo */
  GArray         *stations_by_district;        /* GArray * of guint32 indexes */
  GArray         *units_by;      /* GArray * of guint32 ids, per (city + province) × category */
  GArray         *all_units;     /* guint32 ids, per city + province */
  GPtrArray      *unit_names;    /* index = id - 1 */
  GArray         *district_government;  /* guint32 unit id per district, 0 = none */
  GArray         *receptions;    /* ReceptionInfo, index = id - 1 */
  GArray         *reception_deputies;   /* guint32 */
  GArray         *checklist_items;      /* gint64 */

  sqlite3_stmt   *ins_deputy;
  sqlite3_stmt   *ins_station;
  sqlite3_stmt   *ins_checklist;
  sqlite3_stmt   *ins_station_deputy;
  sqlite3_stmt   *ins_unit;
  sqlite3_stmt   *ins_reception;
  sqlite3_stmt   *ins_reception_deputy;
  sqlite3_stmt   *ins_suggestion;
  sqlite3_stmt   *ins_proposer;
  sqlite3_stmt   *ins_suggestion_unit;
  sqlite3_stmt   *ins_supervision;
  sqlite3_stmt   *ins_reply;
  sqlite3_stmt   *ins_evaluation;
  sqlite3_stmt   *ins_activity;
  sqlite3_stmt   *ins_attendance;
  sqlite3_stmt   *ins_audit;

  /* Scratch text, reused row after row */
  GString        *title;
  GString        *body;
  GString        *text;
  GString        *text2;
  GString        *text3;

  /* Suggestions */
  gint64          n_written;
  gint64          next_supervision;
  gint64          next_reply;
  gint64          next_evaluation;
  gint64          last_by_category[N_CATEGORIES];
  guint           numbers[2][N_YEARS + 2];
  Quota           q_resigned, q_terminated;
  Quota           q_rejected, q_merged, q_transferred;
  Quota           q_stall_assigned, q_stall_handling, q_stall_replied, q_stall_evaluated;
  Quota           q_round2, q_supervised_deputy, q_supervised_voter, q_late;
  guint           supervision_turn;
} Gen;

static void
report (Gen    *g,
        double  fraction)
{
  if (g->progress != NULL)
    g->progress (CLAMP (fraction, 0.0, 1.0), g->progress_data);
}

static gboolean
step (Gen           *g,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (g->store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Static strings and the scratch buffers live until the row is stepped:
 * no copy is needed. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_gstring (sqlite3_stmt  *stmt,
              int            index,
              const GString *text)
{
  sqlite3_bind_text (stmt, index, text->str, (int) text->len, SQLITE_STATIC);
}

static void
bind_day (sqlite3_stmt *stmt,
          int           index,
          int           day,
          char         *buffer)
{
  if (day <= 0)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  format_day (day, buffer);
  sqlite3_bind_text (stmt, index, buffer, 10, SQLITE_STATIC);
}

static void
append_uint (GString *s,
             guint    value,
             guint    min_digits)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  while (n < min_digits)
    digits[n++] = '0';
  while (n > 0)
    g_string_append_c (s, digits[--n]);
}

/* "13" and nine digits: the mobile numbers offices record. */
static void
make_phone (Rng     *rng,
            GString *s)
{
  g_string_truncate (s, 0);
  g_string_append (s, "13");
  append_uint (s, rng_below (rng, 1000000000), 9);
}

/* Appends @template with each '@' replaced by @place. */
static void
append_template (GString    *s,
                 const char *template,
                 const char *place)
{
  const char *at;

  while ((at = strchr (template, '@')) != NULL)
    {
      g_string_append_len (s, template, at - template);
      g_string_append (s, place);
      template = at + 1;
    }
  g_string_append (s, template);
}

static guint
surname_total (void)
{
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    total += surnames[i].weight;
  return total;
}

static const char *
pick_surname (Rng *rng)
{
  static guint total;
  guint r;

  if (total == 0)
    total = surname_total ();
  r = rng_below (rng, total);
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      if (r < surnames[i].weight)
        return surnames[i].name;
      r -= surnames[i].weight;
    }
  return surnames[0].name;
}

static void
make_name (Rng        *rng,
           gboolean    female,
           const char *ethnicity,
           GString    *s)
{
  const char * const *chars = female ? female_chars : male_chars;
  guint n_chars = female ? G_N_ELEMENTS (female_chars) : G_N_ELEMENTS (male_chars);

  g_string_truncate (s, 0);
  if (g_str_equal (ethnicity, "蒙古族") && rng_permille (rng, 500))
    {
      g_string_append (s, PICK (rng, mongolian_names));
      return;
    }
  g_string_append (s, pick_surname (rng));
  if (rng_permille (rng, 300))
    g_string_append (s, chars[rng_below (rng, n_chars)]);
  else if (female)
    g_string_append (s, PICK (rng, female_given));
  else
    g_string_append (s, PICK (rng, male_given));
}

static GArray *
uint_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint32));
}

static void
free_array_of_arrays (GArray *arrays)
{
  if (arrays == NULL)
    return;
  for (guint i = 0; i < arrays->len; i++)
    g_array_unref (g_array_index (arrays, GArray *, i));
  g_array_unref (arrays);
}

static GArray *
array_of_arrays (guint n)
{
  GArray *arrays = g_array_sized_new (FALSE, FALSE, sizeof (GArray *), n);

  for (guint i = 0; i < n; i++)
    {
      GArray *a = uint_array ();
      g_array_append_val (arrays, a);
    }
  return arrays;
}

#define NTH_ARRAY(arrays, i) g_array_index ((arrays), GArray *, (i))
#define U32(array, i) g_array_index ((array), guint32, (i))

static const char *
city_prefix (Gen   *g,
             guint  city)
{
  return g->profile->n_cities == 1 ? "市" : city_names[city];
}

/* Places */

static void
make_places (Gen *g)
{
  const Profile *p = g->profile;
  Rng rng;
  g_autoptr(GString) name = g_string_new (NULL);

  rng_init (&rng, g->seed, 1);
  for (guint c = 0; c < p->n_cities; c++)
    {
      /* Five urban districts and three counties a city. */
      guint urban[G_N_ELEMENTS (urban_district_pool)], rural[G_N_ELEMENTS (county_pool)];

      for (guint i = 0; i < G_N_ELEMENTS (urban); i++)
        urban[i] = i;
      for (guint i = 0; i < G_N_ELEMENTS (rural); i++)
        rural[i] = i;
      for (guint i = 0; i < p->districts_per_city; i++)
        {
          District d = { 0 };
          gboolean county = i >= p->districts_per_city - 3;
          guint *pool = county ? rural : urban;
          guint pool_len = county ? G_N_ELEMENTS (rural) : G_N_ELEMENTS (urban);
          guint taken = county ? i - (p->districts_per_city - 3) : i;
          guint j = taken + rng_below (&rng, pool_len - taken);
          guint tmp = pool[taken];
          const char *base;
          guint stems[MAX (G_N_ELEMENTS (street_stems), G_N_ELEMENTS (town_names))];
          guint n_stems = county ? G_N_ELEMENTS (town_names) : G_N_ELEMENTS (street_stems);

          pool[taken] = pool[j];
          pool[j] = tmp;
          if (c == 0)
            base = home_districts[i];
          else
            base = county ? county_pool[pool[taken]] : urban_district_pool[pool[taken]];

          g_string_truncate (name, 0);
          if (p->n_cities > 1)
            g_string_append (name, city_names[c]);
          g_string_append (name, base);
          d.name = g_string_chunk_insert_const (g->strings, name->str);
          d.city = c;
          d.county = county;
          d.first_township = g->townships->len;
          d.n_townships = (guint) rng_range (&rng, (int) p->townships_min, (int) p->townships_max);
          d.term_offset = c == 0 ? 0 : rng_range (&rng, -1, 1);

          for (guint k = 0; k < n_stems; k++)
            stems[k] = k;
          for (guint k = 0; k < d.n_townships; k++)
            {
              Township t;
              guint pick = k + rng_below (&rng, n_stems - k);

              tmp = stems[k];
              stems[k] = stems[pick];
              stems[pick] = tmp;
              g_string_truncate (name, 0);
              if (county)
                g_string_append (name, town_names[stems[k]]);
              else
                g_string_append_printf (name, "%s街道", street_stems[stems[k]]);
              t.name = g_string_chunk_insert_const (g->strings, name->str);
              t.district = g->districts->len;
              g_array_append_val (g->townships, t);
            }
          g_array_append_val (g->districts, d);
        }
    }

  g->active_by_district = array_of_arrays (g->districts->len);
  g->stations_by_district = array_of_arrays (g->districts->len);
}

#define DISTRICT(g, i) (&g_array_index ((g)->districts, District, (i)))
#define TOWNSHIP(g, i) (&g_array_index ((g)->townships, Township, (i)))

static guint
random_township (Gen   *g,
                 Rng   *rng,
                 guint  district)
{
  const District *d = DISTRICT (g, district);

  return d->first_township + rng_below (rng, d->n_townships);
}

/* Deputies */

typedef struct
{
  const char *name;
  gboolean    female;
  const char *ethnicity;
  int         birth;
  guint       district;
  guint       township;
  guint       occupation;
} Person;

static gboolean
insert_seat (Gen           *g,
             Rng           *rng,
             const Person  *person,
             guint          level,
             gint64         person_id,
             GError       **error)
{
  sqlite3_stmt *s = g->ins_deputy;
  gint64 id = g->deputies->len + 1;
  const District *d = DISTRICT (g, person->district);
  const Township *t = TOWNSHIP (g, person->township);
  DeputyInfo info = { person->district, G_MAXUINT32, (guint8) level, TRUE };
  char code[16], birth[11], status_on[11];
  int term;
  gboolean has_group, resigned;

  g_snprintf (code, sizeof code, "D%06" G_GINT64_FORMAT, id);
  switch (level)
    {
    case 0: term = 14; break;
    case 1: term = 14; break;
    case 2: term = 16 + d->term_offset; break;
    case 3: term = 18 + d->term_offset; break;
    default: term = 19 + d->term_offset; break;
    }

  /* Who elected the seat: a congress one level down, or voters in a constituency. */
  g_string_truncate (g->text, 0);
  switch (level)
    {
    case 0:
      g_string_append (g->text, province_name);
      break;
    case 1:
      g_string_append (g->text, city_names[d->city]);
      break;
    case 2:
      g_string_append (g->text, d->name);
      break;
    case 3:
      g_string_append (g->text, t->name);
      g_string_append (g->text, "第");
      append_uint (g->text, 1 + rng_below (rng, 12), 1);
      g_string_append (g->text, "选区");
      break;
    default:
      g_string_append (g->text, PICK (rng, villages));
      g_string_append (g->text, "选区");
      break;
    }

  sqlite3_bind_int64 (s, 1, id);
  sqlite3_bind_int64 (s, 2, person_id != 0 ? person_id : id);
  sqlite3_bind_text (s, 3, code, -1, SQLITE_STATIC);
  bind_text (s, 4, person->name);
  bind_text (s, 5, person->female ? "female" : "male");
  bind_text (s, 6, person->ethnicity);
  bind_day (s, 7, person->birth, birth);
  bind_text (s, 8, level_codes[level]);
  sqlite3_bind_int (s, 9, term);
  bind_gstring (s, 10, g->text);
  bind_text (s, 11, d->name);
  if (level >= 3)
    {
      bind_text (s, 12, t->name);
      info.township = person->township;
    }
  else
    sqlite3_bind_null (s, 12);
  bind_text (s, 13, occupations[person->occupation].name);
  has_group = (level == 2 || level == 3) && rng_permille (rng, 900);
  bind_text (s, 14, has_group ? groups[occupations[person->occupation].group] : NULL);
  if (rng_permille (rng, 350))
    {
      make_phone (rng, g->text2);
      bind_gstring (s, 15, g->text2);
    }
  else
    sqlite3_bind_null (s, 15);

  /* A few seats ended during the term; the CHECK wants a date exactly then. */
  resigned = id > N_LEVELS && quota_take (&g->q_resigned);
  if (resigned || (id > N_LEVELS && quota_take (&g->q_terminated)))
    {
      info.active = FALSE;
      bind_text (s, 16, resigned ? "resigned" : "terminated");
      bind_day (s, 17, g->anchor - rng_range (rng, 10, 900), status_on);
      bind_text (s, 18, resigned ? PICK (rng, resign_reasons) : PICK (rng, terminate_reasons));
    }
  else
    {
      bind_text (s, 16, "active");
      sqlite3_bind_null (s, 17);
      sqlite3_bind_null (s, 18);
    }
  bind_text (s, 19, g->now);
  bind_text (s, 20, g->now);
  if (!step (g, s, error))
    return FALSE;

  g_array_append_val (g->deputies, info);
  g_ptr_array_add (g->deputy_names, (gpointer) person->name);
  if (info.active)
    {
      guint32 id32 = (guint32) id;

      g_array_append_val (g->active_by_level[level], id32);
      g_array_append_val (NTH_ARRAY (g->active_by_district, person->district), id32);
    }
  return TRUE;
}

static gboolean
make_deputies (Gen     *g,
               GError **error)
{
  const Profile *p = g->profile;
  g_autoptr(GArray) counties = uint_array ();
  Rng rng;
  guint n_persons = 0;

  for (guint32 d = 0; d < g->districts->len; d++)
    if (DISTRICT (g, d)->county)
      g_array_append_val (counties, d);
  rng_init (&rng, g->seed, 2);
  quota_init (&g->q_resigned, &rng, 0.025);
  quota_init (&g->q_terminated, &rng, 0.01);
  while (g->deputies->len < p->n_deputies)
    {
      Person person;
      guint level;
      gint64 first_id = g->deputies->len + 1;

      /* The first persons cover every level, whatever the size. */
      level = n_persons < N_LEVELS ? n_persons : rng_weighted (&rng, level_weights, N_LEVELS);
      n_persons++;

      person.ethnicity = ethnicities[rng_weighted (&rng, ethnicity_weights,
                                                   G_N_ELEMENTS (ethnicity_weights))];
      person.female = rng_permille (&rng, 300);
      make_name (&rng, person.female, person.ethnicity, g->text);
      person.name = g_string_chunk_insert_const (g->strings, g->text->str);
      person.birth = g->anchor - rng_range (&rng, 28 * 365, 63 * 365);
      /* Streets (街道) elect no congress of their own: township seats are in counties. */
      if (level == 4)
        person.district = U32 (counties, rng_below (&rng, counties->len));
      else
        person.district = rng_below (&rng, g->districts->len);
      person.township = random_township (g, &rng, person.district);
      /* Township deputies are mostly villagers; the rest come from every walk of life. */
      if (level == 4 && rng_permille (&rng, 600))
        person.occupation = rng_below (&rng, N_RURAL_OCCUPATIONS);
      else
        person.occupation = rng_below (&rng, G_N_ELEMENTS (occupations));

      if (!insert_seat (g, &rng, &person, level, 0, error))
        return FALSE;

      /* About one person in twenty also sits one level up, grouped by person_id. */
      if (level > 0 && g->deputies->len < p->n_deputies && rng_permille (&rng, 50))
        {
          if (!insert_seat (g, &rng, &person, level - 1, first_id, error))
            return FALSE;
        }
    }

  dd_store_note_change (g->store, "deputies", 0);
  return TRUE;
}

/* Stations */

static const char *
community_of (Gen   *g,
              Rng   *rng,
              guint  district)
{
  return DISTRICT (g, district)->county ? PICK (rng, villages) : PICK (rng, communities);
}

static void
name_station (Gen        *g,
              Rng        *rng,
              guint       kind,
              guint       district,
              guint       township,
              const char *community,
              guint32     studio_deputy,
              GHashTable *used,
              GString    *name)
{
  const District *d = DISTRICT (g, district);
  const Township *t = TOWNSHIP (g, township);

  for (guint attempt = 0; ; attempt++)
    {
      g_string_truncate (name, 0);
      switch (kind)
        {
        case 0:
          g_string_append_printf (name, "%s%s人大代表之家", attempt > 0 ? d->name : "", t->name);
          break;
        case 1:
          g_string_append_printf (name, "%s%s专业人大代表之家", d->name, PICK (rng, professions));
          break;
        case 2:
          g_string_append_printf (name, "%s%s人大代表联络站", t->name, community);
          break;
        case 3:
          g_string_append_printf (name, "%s%s人大代表工作站", attempt > 0 ? d->name : "", t->name);
          break;
        case 4:
          g_string_append_printf (name, "%s代表工作室",
                                  (const char *) g_ptr_array_index (g->deputy_names, studio_deputy - 1));
          if (attempt > 0)
            g_string_prepend (name, t->name);
          break;
        case 5:
          g_string_append_printf (name, "%s人大代表活动中心", attempt > 0 ? t->name : d->name);
          break;
        default:
          if (rng_permille (rng, 400))
            g_string_append_printf (name, "%s人大常委会基层立法联系点（%s）", d->name, t->name);
          else
            g_string_append_printf (name, "%s%s人大代表联系点", t->name, community);
          break;
        }
      if (attempt >= 3)
        {
          g_string_append_printf (name, "（%s）", PICK (rng, roads));
          if (attempt >= 6)
            g_string_append_printf (name, "%u", attempt);
        }
      if (!g_hash_table_contains (used, name->str))
        break;
    }
  g_hash_table_add (used, g_string_chunk_insert_const (g->strings, name->str));
}

static gboolean
make_stations (Gen     *g,
               GError **error)
{
  const Profile *p = g->profile;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) name = g_string_new (NULL);
  Rng rng;
  char upgraded[11], since[11], checked[11];

  rng_init (&rng, g->seed, 3);
  for (guint i = 0; i < p->n_stations; i++)
    {
      StationInfo info = { 0 };
      sqlite3_stmt *s = g->ins_station;
      gint64 id = i + 1;
      guint kind = i < G_N_ELEMENTS (station_kind_codes)
        ? i : rng_weighted (&rng, station_kind_weights, G_N_ELEMENTS (station_kind_weights));
      GArray *locals;
      guint32 studio_deputy = 0;
      const char *community;
      gboolean archived;
      char code[16];

      /* Every district gets a station before any gets a second. */
      info.district = i < g->districts->len ? i : rng_below (&rng, g->districts->len);
      info.township = random_township (g, &rng, info.district);
      info.deputies = uint_array ();
      locals = NTH_ARRAY (g->active_by_district, info.district);
      if (kind == 4)
        {
          if (locals->len > 0)
            studio_deputy = U32 (locals, rng_below (&rng, locals->len));
          else
            kind = 3;  /* a studio is named after a deputy */
        }
      community = community_of (g, &rng, info.district);
      name_station (g, &rng, kind, info.district, info.township, community, studio_deputy, used, name);

      g_string_truncate (g->text, 0);
      g_string_append (g->text, DISTRICT (g, info.district)->name);
      g_string_append (g->text, TOWNSHIP (g, info.township)->name);
      if (kind == 2 || kind == 6)
        {
          g_string_append (g->text, community);
          g_string_append (g->text, "党群服务中心");
        }
      else
        {
          g_string_append (g->text, PICK (&rng, roads));
          append_uint (g->text, 1 + rng_below (&rng, 300), 1);
          g_string_append (g->text, "号");
        }

      g_snprintf (code, sizeof code, "S%05" G_GINT64_FORMAT, id);
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_text (s, 2, code, -1, SQLITE_STATIC);
      bind_gstring (s, 3, name);
      bind_text (s, 4, station_kind_codes[kind]);
      bind_gstring (s, 5, g->text);
      bind_text (s, 6, DISTRICT (g, info.district)->name);
      bind_text (s, 7, TOWNSHIP (g, info.township)->name);
      bind_text (s, 8, PICK (&rng, schedule_days));
      bind_text (s, 9, PICK (&rng, schedule_hours));
      bind_text (s, 10, PICK (&rng, schedule_places));
      make_name (&rng, rng_permille (&rng, 550), "汉族", g->text2);
      bind_gstring (s, 11, g->text2);
      if (rng_permille (&rng, 850))
        {
          make_phone (&rng, g->text3);
          bind_gstring (s, 12, g->text3);
        }
      else
        sqlite3_bind_null (s, 12);
      bind_day (s, 13, rng_permille (&rng, 400) ? g->anchor - rng_range (&rng, 20, 700) : 0, upgraded);
      archived = i >= G_N_ELEMENTS (station_kind_codes) && rng_permille (&rng, 25);
      sqlite3_bind_int (s, 14, archived);
      bind_text (s, 15, g->now);
      bind_text (s, 16, g->now);
      if (!step (g, s, error))
        return FALSE;

      /* The standards checklist ("八有"): mostly met. */
      for (guint k = 0; k < g->checklist_items->len; k++)
        {
          gboolean done = rng_permille (&rng, archived ? 400 : 860);

          s = g->ins_checklist;
          sqlite3_bind_int64 (s, 1, id);
          sqlite3_bind_int64 (s, 2, g_array_index (g->checklist_items, gint64, k));
          sqlite3_bind_int (s, 3, done);
          bind_day (s, 4, done ? g->anchor - rng_range (&rng, 0, 365) : 0, checked);
          if (!step (g, s, error))
            return FALSE;
        }

      if (studio_deputy != 0)
        g_array_append_val (info.deputies, studio_deputy);
      g_array_append_val (g->stations, info);
      {
        guint32 index = i;
        g_array_append_val (NTH_ARRAY (g->stations_by_district, info.district), index);
      }
    }

  /* Every active seat enters a station of its district ("代表进站"), some a second one. */
  for (guint id = 1; id <= g->deputies->len; id++)
    {
      const DeputyInfo *info = &g_array_index (g->deputies, DeputyInfo, id - 1);
      GArray *local = NTH_ARRAY (g->stations_by_district, info->district);
      guint32 id32 = id;
      guint n;

      if (!info->active)
        continue;
      n = rng_permille (&rng, 100) ? 2 : 1;
      for (guint k = 0; k < n; k++)
        {
          guint32 station = local->len > 0 ? U32 (local, rng_below (&rng, local->len))
                                           : rng_below (&rng, g->stations->len);
          GArray *list = g_array_index (g->stations, StationInfo, station).deputies;

          /* A second pick of the same station, or the studio's own deputy (first in its list). */
          if (list->len == 0 || (U32 (list, list->len - 1) != id32 && U32 (list, 0) != id32))
            g_array_append_val (list, id32);
        }
    }

  for (guint i = 0; i < g->stations->len; i++)
    {
      StationInfo *info = &g_array_index (g->stations, StationInfo, i);

      /* Receptions need someone on duty. */
      for (guint attempt = 0; info->deputies->len < 2 && attempt < 100; attempt++)
        {
          GArray *pool = g->active_by_level[3]->len > 0 ? g->active_by_level[3] : g->active_by_level[2];
          guint32 extra = U32 (pool, rng_below (&rng, pool->len));
          gboolean dup = FALSE;

          for (guint k = 0; k < info->deputies->len; k++)
            dup |= U32 (info->deputies, k) == extra;
          if (!dup)
            g_array_append_val (info->deputies, extra);
        }

      for (guint k = 0; k < info->deputies->len; k++)
        {
          sqlite3_stmt *s = g->ins_station_deputy;

          sqlite3_bind_int64 (s, 1, i + 1);
          sqlite3_bind_int64 (s, 2, U32 (info->deputies, k));
          sqlite3_bind_int (s, 3, k < 3 || rng_permille (&rng, 150));
          bind_day (s, 4, g->anchor - rng_range (&rng, 60, 1000), since);
          if (!step (g, s, error))
            return FALSE;
        }
    }

  dd_store_note_change (g->store, "stations", 0);
  dd_store_note_change (g->store, "station_checklist", 0);
  dd_store_note_change (g->store, "station_deputies", 0);
  return TRUE;
}

/* Units */

static gboolean
insert_unit (Gen                *g,
             Rng                *rng,
             const UnitTemplate *template,
             guint               city,      /* n_cities: the province itself */
             const char         *name,
             GError            **error)
{
  sqlite3_stmt *s = g->ins_unit;
  guint32 id = g->unit_names->len + 1;
  const char *stored = g_string_chunk_insert_const (g->strings, name);
  GArray *all = NTH_ARRAY (g->all_units, city);

  sqlite3_bind_int64 (s, 1, id);
  bind_text (s, 2, stored);
  bind_text (s, 3, template->kind);
  make_name (rng, rng_permille (rng, 450), "汉族", g->text2);
  bind_gstring (s, 4, g->text2);
  make_phone (rng, g->text3);
  bind_gstring (s, 5, g->text3);
  bind_text (s, 6, g->now);
  if (!step (g, s, error))
    return FALSE;

  g_ptr_array_add (g->unit_names, (gpointer) stored);
  g_array_append_val (all, id);
  for (guint c = 0; c < N_CATEGORIES; c++)
    if (template->categories & (1u << c))
      g_array_append_val (NTH_ARRAY (g->units_by, city * N_CATEGORIES + c), id);
  return TRUE;
}

static void
expand_unit_name (Gen        *g,
                  const char *template,
                  guint       city,
                  GString    *out)
{
  const char *full = city_names[city];
  g_autofree char *short_name = g_strndup (full, strlen (full) - strlen ("市"));

  g_string_truncate (out, 0);
  for (const char *c = template; *c != '\0'; c++)
    {
      if (*c == '$')
        g_string_append (out, city_prefix (g, city));
      else if (*c == '#')
        g_string_append (out, short_name);
      else
        g_string_append_c (out, *c);
    }
}

static gboolean
make_units (Gen     *g,
            GError **error)
{
  const Profile *p = g->profile;
  g_autoptr(GString) name = g_string_new (NULL);
  static const UnitTemplate district_government = {
    NULL, GOV, C_UC | C_AG | C_GO | C_OT | C_CU | C_EN
  };
  Rng rng;

  rng_init (&rng, g->seed, 4);
  g->units_by = array_of_arrays ((p->n_cities + 1) * N_CATEGORIES);
  g->all_units = array_of_arrays (p->n_cities + 1);
  if (p->n_units == 0)
    {
      g_array_set_size (g->district_government, g->districts->len);
      /* One city: all its departments, then each district's government. */
      for (guint t = 0; t < G_N_ELEMENTS (city_units); t++)
        {
          expand_unit_name (g, city_units[t].name, 0, name);
          if (!insert_unit (g, &rng, &city_units[t], 0, name->str, error))
            return FALSE;
        }
      for (guint d = 0; d < g->districts->len; d++)
        {
          g_string_printf (name, "%s人民政府", DISTRICT (g, d)->name);
          if (!insert_unit (g, &rng, &district_government, 0, name->str, error))
            return FALSE;
          U32 (g->district_government, d) = g->unit_names->len;
        }
    }
  else
    {
      /* A province: its departments, then each city's most important ones. */
      for (guint t = 0; t < G_N_ELEMENTS (province_units) && g->unit_names->len < p->n_units; t++)
        if (!insert_unit (g, &rng, &province_units[t], p->n_cities, province_units[t].name, error))
          return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (city_units) && g->unit_names->len < p->n_units; t++)
        for (guint c = 0; c < p->n_cities && g->unit_names->len < p->n_units; c++)
          {
            expand_unit_name (g, city_units[t].name, c, name);
            if (!insert_unit (g, &rng, &city_units[t], c, name->str, error))
              return FALSE;
          }
    }

  dd_store_note_change (g->store, "units", 0);
  return TRUE;
}

/* Receptions */

static int
compare_receptions (gconstpointer a,
                    gconstpointer b)
{
  const ReceptionInfo *ra = a, *rb = b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  return ra->station < rb->station ? -1 : ra->station > rb->station;
}

/* Plans the receptions (ordered by date, so ids follow time) and how many
 * opinions each collected; written by write_receptions(). */
static void
plan_receptions (Gen   *g,
                 guint  n_opinions)
{
  const Profile *p = g->profile;
  Rng rng;
  int mean_gap = 365 / (int) p->receptions_per_year;
  guint n_tail;

  rng_init (&rng, g->seed, 5);
  for (guint s = 0; s < g->stations->len; s++)
    {
      int day = g->first_day + rng_range (&rng, 0, mean_gap);

      while (day <= g->anchor)
        {
          ReceptionInfo r = { day, s, 0, 0, 0 };

          g_array_append_val (g->receptions, r);
          day += rng_range (&rng, mean_gap / 2, mean_gap * 3 / 2) + 1;
        }
    }
  /* At least one station received voters on the anchor day: fresh opinions. */
  {
    ReceptionInfo r = { g->anchor, rng_below (&rng, g->stations->len), 0, 0, 0 };
    g_array_append_val (g->receptions, r);
  }
  g_array_sort (g->receptions, compare_receptions);

  for (guint i = 0; i < g->receptions->len; i++)
    {
      ReceptionInfo *r = &g_array_index (g->receptions, ReceptionInfo, i);
      const StationInfo *st = &g_array_index (g->stations, StationInfo, r->station);
      guint n = (guint) rng_range (&rng, 1, 4);
      guint start = rng_below (&rng, st->deputies->len);

      n = MIN (n, st->deputies->len);

      r->first_deputy = g->reception_deputies->len;
      r->n_deputies = n;
      /* A run of the station's list: distinct deputies for free. */
      for (guint k = 0; k < n; k++)
        g_array_append_val (g->reception_deputies,
                            U32 (st->deputies, (start + k) % st->deputies->len));
    }

  /* A few opinions from the last receptions, so that the newest states exist. */
  n_tail = MIN (n_opinions, MAX (4u, n_opinions / 200));
  for (guint i = 0; i < n_tail; i++)
    g_array_index (g->receptions, ReceptionInfo, g->receptions->len - 1 - i % MIN (8u, g->receptions->len)).n_opinions++;
  for (guint i = n_tail; i < n_opinions; i++)
    g_array_index (g->receptions, ReceptionInfo, rng_below (&rng, g->receptions->len)).n_opinions++;
}

static gboolean
write_receptions (Gen     *g,
                  GError **error)
{
  Rng rng;
  char held[11];

  rng_init (&rng, g->seed, 6);
  for (guint i = 0; i < g->receptions->len; i++)
    {
      const ReceptionInfo *r = &g_array_index (g->receptions, ReceptionInfo, i);
      sqlite3_stmt *s = g->ins_reception;

      sqlite3_bind_int64 (s, 1, i + 1);
      sqlite3_bind_int64 (s, 2, r->station + 1);
      bind_day (s, 3, r->day, held);
      /* Not every voter leaves a written opinion. */
      sqlite3_bind_int (s, 4, (int) r->n_opinions + rng_range (&rng, r->n_opinions > 0 ? 0 : 1, 9));
      sqlite3_bind_int (s, 5, rng_permille (&rng, 300) ? rng_range (&rng, 1, 3) : 0);
      bind_text (s, 6, PICK (&rng, reception_topics));
      bind_text (s, 7, g->now);
      if (!step (g, s, error))
        return FALSE;

      for (guint k = 0; k < r->n_deputies; k++)
        {
          s = g->ins_reception_deputy;
          sqlite3_bind_int64 (s, 1, i + 1);
          sqlite3_bind_int64 (s, 2, U32 (g->reception_deputies, r->first_deputy + k));
          if (!step (g, s, error))
            return FALSE;
        }
    }

  dd_store_note_change (g->store, "receptions", 0);
  dd_store_note_change (g->store, "reception_deputies", 0);
  return TRUE;
}

/* Suggestions */

enum {
  ST_REGISTERED, ST_UNDER_REVIEW, ST_ASSIGNED, ST_HANDLING, ST_REPLIED, ST_EVALUATED,
  ST_CLOSED, ST_REJECTED, ST_MERGED, ST_TRANSFERRED_OUT
};
static const char * const state_codes[] = {
  "registered", "under_review", "assigned", "handling", "replied", "evaluated", "closed",
  "rejected", "merged", "transferred_out",
};

typedef struct
{
  gboolean  voter;
  guint     category;
  int       registered;
  guint     district;
  guint     township;
  gint64    station_id;
  gint64    reception_id;
  guint32   proposers[3];
  guint     n_proposers;
} Draft;

/* The state at the anchor follows from a timeline drawn forward from the
 * registration; dates after the anchor are simply never written. */
typedef struct
{
  guint  state;
  int    assigned;
  int    deadline;
  int    replies[2];
  guint  classes[2];
  int    evaluations[2];
  guint  verdicts[2][3];
  guint  n_replies;
  guint  n_evaluations;
  int    closed;
  guint  round;
  gint64 merged_into;
  guint  units[3];
  guint  n_units;
} Handling;

static const char * const reply_classes[] = { "A", "B", "C" };

static guint
pick_class (Rng *rng)
{
  guint r = rng_below (rng, 100);

  return r < 60 ? 0 : r < 90 ? 1 : 2;
}

/* 75 / 20 / 5 overall, a little kinder to A replies and harsher to C ones. */
static guint
pick_verdict (Rng   *rng,
              guint  reply_class,
              guint  round)
{
  static const guint16 by_class[3][3] = { { 800, 180, 20 }, { 720, 230, 50 }, { 570, 230, 200 } };
  static const guint16 second_round[3] = { 600, 370, 30 };

  return rng_weighted (rng, round > 1 ? second_round : by_class[reply_class], 3);
}

static void
plan_handling (Gen         *g,
               Rng         *rng,
               const Draft *draft,
               Handling    *h)
{
  int review_start, decision, handling_start, reply, evaluation, close;
  gboolean unsatisfied = FALSE;

  memset (h, 0, sizeof *h);
  h->round = 1;

  review_start = draft->registered + (draft->voter ? 1 : rng_range (rng, 1, 3));
  decision = draft->voter ? draft->registered + rng_range (rng, 2, 6)
                          : draft->registered + rng_range (rng, 5, 25);
  if (g->anchor < review_start)
    {
      h->state = ST_REGISTERED;
      return;
    }
  if (g->anchor < decision)
    {
      h->state = ST_UNDER_REVIEW;
      return;
    }

  /* Review: most are assigned; a few are rejected, merged or sent elsewhere. */
  if (quota_take (&g->q_rejected))
    {
      h->state = ST_REJECTED;
      return;
    }
  if (quota_take (&g->q_merged) && g->last_by_category[draft->category] != 0)
    {
      h->state = ST_MERGED;
      h->merged_into = g->last_by_category[draft->category];
      return;
    }
  if (quota_take (&g->q_transferred))
    {
      h->state = ST_TRANSFERRED_OUT;
      return;
    }

  h->assigned = decision;
  h->deadline = draft->voter ? decision + 15 : add_months (decision, 3);
  handling_start = decision + (draft->voter ? rng_range (rng, 1, 2) : rng_range (rng, 1, 5));
  if (g->anchor < handling_start || quota_take (&g->q_stall_assigned))
    {
      h->state = ST_ASSIGNED;
      return;
    }

  if (quota_take (&g->q_late))
    reply = h->deadline + (draft->voter ? rng_range (rng, 1, 10) : rng_range (rng, 5, 40));
  else
    reply = draft->voter ? handling_start + rng_range (rng, 2, 11)
                         : handling_start + rng_range (rng, 20, MAX (21, h->deadline - handling_start));
  if (g->anchor < reply || quota_take (&g->q_stall_handling))
    {
      h->state = ST_HANDLING;
      return;
    }
  h->replies[0] = reply;
  h->classes[0] = pick_class (rng);
  h->n_replies = 1;

  evaluation = reply + (draft->voter ? rng_range (rng, 2, 10) : rng_range (rng, 7, 30));
  if (g->anchor < evaluation || quota_take (&g->q_stall_replied))
    {
      h->state = ST_REPLIED;
      return;
    }
  h->evaluations[0] = evaluation;
  h->n_evaluations = 1;
  for (guint i = 0; i < draft->n_proposers; i++)
    {
      h->verdicts[0][i] = pick_verdict (rng, h->classes[0], 1);
      unsatisfied |= h->verdicts[0][i] == 2;
    }

  /* An unsatisfied proposer usually sends it back for a second round. */
  if (unsatisfied && quota_take (&g->q_round2))
    {
      h->round = 2;
      reply = evaluation + rng_range (rng, 15, 45);
      if (g->anchor < reply)
        {
          h->state = ST_HANDLING;
          return;
        }
      h->replies[1] = reply;
      h->classes[1] = rng_permille (rng, 700) ? 0 : 1;
      h->n_replies = 2;
      evaluation = reply + rng_range (rng, 5, 20);
      if (g->anchor < evaluation)
        {
          h->state = ST_REPLIED;
          return;
        }
      h->evaluations[1] = evaluation;
      h->n_evaluations = 2;
      for (guint i = 0; i < draft->n_proposers; i++)
        h->verdicts[1][i] = pick_verdict (rng, h->classes[1], 2);
    }

  close = evaluation + rng_range (rng, 1, 15);
  if (g->anchor < close || quota_take (&g->q_stall_evaluated))
    {
      h->state = ST_EVALUATED;
      return;
    }
  h->closed = close;
  h->state = ST_CLOSED;
}

static void
pick_units (Gen         *g,
            Rng         *rng,
            const Draft *draft,
            Handling    *h)
{
  guint city = DISTRICT (g, draft->district)->city;
  GArray *pool = NTH_ARRAY (g->units_by, city * N_CATEGORIES + draft->category);
  GArray *any = NTH_ARRAY (g->all_units, city);
  guint n_co;

  /* In a province a few go to the provincial departments. */
  if (g->profile->n_cities > 1 && rng_permille (rng, 80))
    {
      GArray *province = NTH_ARRAY (g->units_by, g->profile->n_cities * N_CATEGORIES + draft->category);
      if (province->len > 0)
        pool = province;
    }
  if (pool->len == 0)
    pool = any;
  if (pool->len == 0)
    pool = NTH_ARRAY (g->all_units, g->profile->n_cities);

  h->units[0] = U32 (pool, rng_below (rng, pool->len));
  h->n_units = 1;

  n_co = rng_below (rng, 100);
  n_co = n_co < 65 ? 0 : n_co < 90 ? 1 : 2;
  for (guint k = 0; k < n_co; k++)
    {
      guint32 candidate;
      gboolean dup = FALSE;

      /* The district's government often helps with local matters. */
      if (g->district_government->len > 0 && rng_permille (rng, 350))
        candidate = U32 (g->district_government, draft->district);
      else
        candidate = U32 (pool, rng_below (rng, pool->len));
      for (guint j = 0; j < h->n_units; j++)
        dup |= h->units[j] == candidate;
      if (!dup && candidate != 0)
        h->units[h->n_units++] = candidate;
    }
}

static void
compose_deputy_text (Gen         *g,
                     Rng         *rng,
                     const Draft *draft)
{
  const Category *c = &categories[draft->category];
  const Topic *topic = &c->topics[rng_below (rng, c->n_topics)];
  const char *place = rng_permille (rng, 500) ? DISTRICT (g, draft->district)->name : NULL;
  guint m[3];

  g_string_truncate (g->title, 0);
  g_string_append (g->title, "关于");
  g_string_append (g->title, topic->verb);
  if (place != NULL)
    g_string_append (g->title, place);
  g_string_append (g->title, topic->object);
  g_string_append (g->title, "的建议");

  m[0] = rng_below (rng, c->n_measures);
  m[1] = (m[0] + 1 + rng_below (rng, c->n_measures - 1)) % c->n_measures;
  do
    m[2] = rng_below (rng, c->n_measures);
  while (m[2] == m[0] || m[2] == m[1]);

  g_string_truncate (g->body, 0);
  append_template (g->body, c->backgrounds[rng_below (rng, c->n_backgrounds)],
                   place != NULL ? place : "我市");
  g_string_append (g->body, "。但在");
  g_string_append (g->body, topic->object);
  g_string_append (g->body, "方面仍存在一些短板：");
  g_string_append (g->body, c->issues[rng_below (rng, c->n_issues)]);
  g_string_append (g->body, "，群众反映强烈。为此建议：一是");
  g_string_append (g->body, c->measures[m[0]]);
  g_string_append (g->body, "；二是");
  g_string_append (g->body, c->measures[m[1]]);
  g_string_append (g->body, "；三是");
  g_string_append (g->body, c->measures[m[2]]);
  g_string_append (g->body, "。");
}

static void
compose_voter_text (Gen         *g,
                    Rng         *rng,
                    const Draft *draft,
                    GString     *voter_name,
                    gboolean    *has_voter_name)
{
  static const char * const impacts[] = {
    "已持续较长时间", "多次向有关方面反映未果", "周边居民意见较大", "给群众生产生活带来不便",
    "存在一定安全隐患",
  };
  const Category *c = &categories[draft->category];
  const Problem *problem = &c->problems[rng_below (rng, c->n_problems)];
  const char *township = TOWNSHIP (g, draft->township)->name;
  const char *community = community_of (g, rng, draft->district);
  guint form = rng_below (rng, 3);

  g_string_truncate (g->title, 0);
  if (form == 0)
    g_string_append_printf (g->title, "反映%s%s的问题", community, problem->what);
  else if (form == 1)
    g_string_append_printf (g->title, "关于%s的意见", problem->what);
  else
    g_string_append_printf (g->title, "%s%s", township, problem->what);

  *has_voter_name = rng_permille (rng, 900);
  if (*has_voter_name)
    {
      gboolean female = rng_permille (rng, 480);

      if (rng_permille (rng, 400))
        {
          g_string_truncate (voter_name, 0);
          g_string_append (voter_name, pick_surname (rng));
          g_string_append (voter_name, female ? "女士" : "先生");
        }
      else
        make_name (rng, female, "汉族", voter_name);
    }

  g_string_truncate (g->body, 0);
  g_string_append (g->body, *has_voter_name ? voter_name->str : "选民");
  g_string_append (g->body, "在接待活动中反映：");
  g_string_append (g->body, township);
  g_string_append (g->body, community);
  g_string_append (g->body, problem->what);
  g_string_append (g->body, "，");
  g_string_append (g->body, PICK (rng, impacts));
  g_string_append (g->body, "。希望有关部门");
  g_string_append (g->body, problem->request);
  g_string_append (g->body, "。");
}

static void
compose_reply (Gen         *g,
               Rng         *rng,
               const Draft *draft,
               guint        reply_class,
               int          day)
{
  const Category *c = &categories[draft->category];

  g_string_truncate (g->text, 0);
  switch (reply_class)
    {
    case 0:
      g_string_append (g->text, "经认真研究办理，现答复如下：我单位高度重视，已");
      g_string_append (g->text, c->measures[rng_below (rng, c->n_measures)]);
      g_string_append (g->text, "，所提问题已得到解决。感谢对我们工作的关心和支持。");
      break;
    case 1:
      g_string_append (g->text, "经认真研究，所提建议针对性强，已列入");
      append_uint (g->text, (guint) year_of_day (day) + (rng_permille (rng, 500) ? 1 : 0), 4);
      g_string_append (g->text, "年度工作计划，下一步将");
      g_string_append (g->text, c->measures[rng_below (rng, c->n_measures)]);
      g_string_append (g->text, "，力争尽快解决。");
      break;
    default:
      g_string_append (g->text, "经认真研究，所提问题涉及规划调整和资金安排，受现有条件限制，"
                                "目前暂不具备实施条件，已作为今后工作的参考，"
                                "我单位将积极向上级争取政策和资金支持。");
      break;
    }
}

static gboolean
write_suggestion (Gen          *g,
                  Rng          *rng,
                  const Draft  *draft,
                  GError      **error)
{
  gint64 id = ++g->n_written;
  Handling h;
  sqlite3_stmt *s = g->ins_suggestion;
  char registered[11], assigned[11], deadline[11], replied[11], evaluated[11], closed[11];
  char day_buf[11];
  int year = year_of_day (draft->registered);
  guint *counter = &g->numbers[draft->voter][CLAMP (year - year_of_day (g->first_day), 0, N_YEARS + 1)];
  char number[32];
  gboolean has_voter_name = FALSE;

  plan_handling (g, rng, draft, &h);
  if (h.assigned > 0)
    pick_units (g, rng, draft, &h);

  if (draft->voter)
    compose_voter_text (g, rng, draft, g->text2, &has_voter_name);
  else
    compose_deputy_text (g, rng, draft);

  /* 建议 JY2024-0012, 意见 YJ2024-0345: numbered per year and kind. */
  g_snprintf (number, sizeof number, "%s%d-%04u", draft->voter ? "YJ" : "JY", year, ++*counter);

  sqlite3_bind_int64 (s, 1, id);
  sqlite3_bind_text (s, 2, number, -1, SQLITE_STATIC);
  bind_text (s, 3, draft->voter ? "voter_opinion" : "deputy_suggestion");
  bind_gstring (s, 4, g->title);
  bind_gstring (s, 5, g->body);
  bind_text (s, 6, categories[draft->category].code);
  bind_text (s, 7, state_codes[h.state]);
  bind_day (s, 8, draft->registered, registered);
  if (draft->voter)
    {
      sqlite3_bind_int64 (s, 9, draft->station_id);
      sqlite3_bind_int64 (s, 10, draft->reception_id);
      if (has_voter_name)
        bind_gstring (s, 11, g->text2);
      else
        sqlite3_bind_null (s, 11);
      if (rng_permille (rng, 500))
        {
          make_phone (rng, g->text3);
          bind_gstring (s, 12, g->text3);
        }
      else
        sqlite3_bind_null (s, 12);
    }
  else
    {
      sqlite3_bind_null (s, 9);
      sqlite3_bind_null (s, 10);
      sqlite3_bind_null (s, 11);
      sqlite3_bind_null (s, 12);
    }
  bind_day (s, 13, h.assigned, assigned);
  bind_day (s, 14, h.deadline, deadline);
  bind_day (s, 15, h.n_replies > 0 ? h.replies[h.n_replies - 1] : 0, replied);
  bind_day (s, 16, h.n_evaluations > 0 ? h.evaluations[h.n_evaluations - 1] : 0, evaluated);
  bind_day (s, 17, h.closed, closed);
  sqlite3_bind_int (s, 18, (int) h.round);
  if (h.merged_into != 0)
    sqlite3_bind_int64 (s, 19, h.merged_into);
  else
    sqlite3_bind_null (s, 19);
  bind_text (s, 20, h.state == ST_REJECTED ? PICK (rng, rejection_reasons) : NULL);
  if (h.state == ST_TRANSFERRED_OUT)
    {
      /* Out to another level's congress. */
      g_string_truncate (g->text, 0);
      if (!draft->voter && rng_permille (rng, 500))
        g_string_append_printf (g->text, "%s人大常委会", province_name);
      else if (rng_permille (rng, 500))
        g_string_append_printf (g->text, "%s人大常委会", DISTRICT (g, draft->district)->name);
      else
        g_string_append_printf (g->text, "%s%s", TOWNSHIP (g, draft->township)->name,
                                DISTRICT (g, draft->district)->county ? "人大主席团" : "人大工委");
      bind_gstring (s, 21, g->text);
    }
  else
    sqlite3_bind_null (s, 21);
  sqlite3_bind_int (s, 22, h.state == ST_CLOSED && rng_permille (rng, 400));
  bind_text (s, 23, g->now);
  bind_text (s, 24, g->now);
  if (!step (g, s, error))
    return FALSE;

  if (h.state != ST_MERGED)
    g->last_by_category[draft->category] = id;

  for (guint i = 0; i < draft->n_proposers; i++)
    {
      s = g->ins_proposer;
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_int64 (s, 2, draft->proposers[i]);
      sqlite3_bind_int (s, 3, (int) i + 1);
      if (!step (g, s, error))
        return FALSE;
    }

  for (guint i = 0; i < h.n_units; i++)
    {
      s = g->ins_suggestion_unit;
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_int64 (s, 2, h.units[i]);
      bind_text (s, 3, i == 0 ? "lead" : "co");
      sqlite3_bind_text (s, 4, assigned, 10, SQLITE_STATIC);
      if (!step (g, s, error))
        return FALSE;
    }

  /* Supervision: a flag with its mode, mostly on deputies' suggestions. */
  if (h.state >= ST_HANDLING && h.state <= ST_CLOSED &&
      quota_take (draft->voter ? &g->q_supervised_voter : &g->q_supervised_deputy))
    {
      guint mode = supervision_pattern[(g->supervision_turn++ + g->seed) % G_N_ELEMENTS (supervision_pattern)];
      int limit = h.n_replies > 0 ? h.replies[0] : g->anchor;
      int started = h.assigned + rng_range (rng, 10, 40);

      /* Supervision starts while the unit is still at work. */
      started = MAX (MIN (started, limit), h.assigned);

      s = g->ins_supervision;
      sqlite3_bind_int64 (s, 1, ++g->next_supervision);
      sqlite3_bind_int64 (s, 2, id);
      bind_text (s, 3, supervision_modes[mode]);
      if (mode == 1)
        {
          make_name (rng, rng_permille (rng, 300), "汉族", g->text3);
          bind_gstring (s, 4, g->text3);
        }
      else
        sqlite3_bind_null (s, 4);
      bind_day (s, 5, started, day_buf);
      bind_day (s, 6, h.state == ST_CLOSED ? h.closed : 0, closed);
      bind_text (s, 7, supervision_notes[mode]);
      if (!step (g, s, error))
        return FALSE;
    }

  for (guint r = 0; r < h.n_replies; r++)
    {
      s = g->ins_reply;
      compose_reply (g, rng, draft, h.classes[r], h.replies[r]);
      sqlite3_bind_int64 (s, 1, ++g->next_reply);
      sqlite3_bind_int64 (s, 2, id);
      sqlite3_bind_int64 (s, 3, h.units[0]);
      sqlite3_bind_int (s, 4, (int) r + 1);
      bind_text (s, 5, reply_classes[h.classes[r]]);
      bind_gstring (s, 6, g->text);
      bind_day (s, 7, h.replies[r], replied);
      sqlite3_bind_int (s, 8, h.n_units > 1);
      if (!step (g, s, error))
        return FALSE;
    }

  for (guint r = 0; r < h.n_evaluations; r++)
    for (guint i = 0; i < draft->n_proposers; i++)
      {
        guint verdict = h.verdicts[r][i];

        s = g->ins_evaluation;
        sqlite3_bind_int64 (s, 1, ++g->next_evaluation);
        sqlite3_bind_int64 (s, 2, id);
        sqlite3_bind_int64 (s, 3, draft->proposers[i]);
        sqlite3_bind_int (s, 4, (int) r + 1);
        bind_text (s, 5, verdict == 0 ? "satisfied" : verdict == 1 ? "basically_satisfied" : "unsatisfied");
        bind_day (s, 6, h.evaluations[r], evaluated);
        if (verdict == 2)
          bind_text (s, 7, PICK (rng, unsatisfied_comments));
        else if (rng_permille (rng, 150))
          bind_text (s, 7, PICK (rng, satisfied_comments));
        else
          sqlite3_bind_null (s, 7);
        if (!step (g, s, error))
          return FALSE;
      }

  return TRUE;
}

static guint32
pick_active (Rng    *rng,
             GArray *pool)
{
  return U32 (pool, rng_below (rng, pool->len));
}

static void
draft_deputy_suggestion (Gen   *g,
                         Rng   *rng,
                         int    day,
                         Draft *draft)
{
  guint level;
  GArray *pool;
  const DeputyInfo *lead;
  guint r;

  memset (draft, 0, sizeof *draft);
  draft->voter = FALSE;
  draft->registered = day;
  do
    {
      level = rng_weighted (rng, proposer_level_weights, N_LEVELS);
      pool = g->active_by_level[level];
    }
  while (pool->len == 0);

  draft->proposers[0] = pick_active (rng, pool);
  draft->n_proposers = 1;
  r = rng_below (rng, 100);
  /* One to three proposers; co-proposers sit at the same level. */
  for (guint k = 0; k < (r < 55 ? 0u : r < 80 ? 1u : 2u) && pool->len > 3; k++)
    {
      guint32 other;
      gboolean dup;

      do
        {
          other = pick_active (rng, pool);
          dup = FALSE;
          for (guint j = 0; j < draft->n_proposers; j++)
            dup |= draft->proposers[j] == other;
        }
      while (dup);
      draft->proposers[draft->n_proposers++] = other;
    }

  lead = &g_array_index (g->deputies, DeputyInfo, draft->proposers[0] - 1);
  draft->district = lead->district;
  draft->township = lead->township != G_MAXUINT32 ? lead->township
                                                  : random_township (g, rng, lead->district);
  draft->category = 0;
}

static void
draft_voter_opinion (Gen   *g,
                     Rng   *rng,
                     guint  reception_index,
                     Draft *draft)
{
  const ReceptionInfo *r = &g_array_index (g->receptions, ReceptionInfo, reception_index);
  const StationInfo *st = &g_array_index (g->stations, StationInfo, r->station);

  memset (draft, 0, sizeof *draft);
  draft->voter = TRUE;
  draft->registered = r->day;
  draft->station_id = r->station + 1;
  draft->reception_id = reception_index + 1;
  draft->district = st->district;
  draft->township = st->township;
  /* The deputy who took it down forwards it, and later says whether the voter is satisfied. */
  draft->proposers[0] = U32 (g->reception_deputies, r->first_deputy + rng_below (rng, r->n_deputies));
  draft->n_proposers = 1;
}

/* The days deputies hand in suggestions: mostly the annual session in January
 * and February, the rest through the year, and a few in the last week. */
static guint *
plan_deputy_days (Gen   *g,
                  Rng   *rng,
                  guint  n)
{
  guint n_days = g->anchor - g->first_day + 1;
  guint *per_day = g_new0 (guint, n_days);
  guint n_tail = MIN (n, MAX (4u, n / 200));
  int first_year = year_of_day (g->first_day), last_year = year_of_day (g->anchor);

  for (guint i = 0; i < n_tail; i++)
    per_day[n_days - 1 - i % MIN (8u, n_days)]++;
  for (guint i = n_tail; i < n; i++)
    {
      int day = -1;

      if (rng_permille (rng, 550))
        {
          int year = rng_range (rng, first_year, last_year);
          int start = MAX (days_from_civil (year, 1, 5), g->first_day);
          int end = MIN (days_from_civil (year, 2, 25), g->anchor);

          if (start <= end)
            day = rng_range (rng, start, end);
        }
      if (day < 0)
        day = g->first_day + (int) rng_below (rng, n_days);
      per_day[day - g->first_day]++;
    }
  return per_day;
}

static gboolean
make_suggestions (Gen     *g,
                  guint    n_deputy,
                  GError **error)
{
  Rng rng;
  g_autofree guint *per_day = NULL;
  guint next_reception = 0;
  guint16 deputy_weights[N_CATEGORIES], voter_weights[N_CATEGORIES];
  guint total = g->profile->n_suggestions;

  rng_init (&rng, g->seed, 7);
  for (guint c = 0; c < N_CATEGORIES; c++)
    {
      deputy_weights[c] = categories[c].deputy_weight;
      voter_weights[c] = categories[c].voter_weight;
    }
  quota_init (&g->q_rejected, &rng, 0.03);
  quota_init (&g->q_merged, &rng, 0.02);
  quota_init (&g->q_transferred, &rng, 0.015);
  quota_init (&g->q_stall_assigned, &rng, 0.01);
  quota_init (&g->q_stall_handling, &rng, 0.03);
  quota_init (&g->q_stall_replied, &rng, 0.03);
  quota_init (&g->q_stall_evaluated, &rng, 0.02);
  quota_init (&g->q_round2, &rng, 0.8);
  quota_init (&g->q_supervised_deputy, &rng, 0.06);
  quota_init (&g->q_supervised_voter, &rng, 0.01);
  quota_init (&g->q_late, &rng, 0.08);

  per_day = plan_deputy_days (g, &rng, n_deputy);

  /* Day by day, so that ids and numbers follow the registration dates. */
  for (int day = g->first_day; day <= g->anchor; day++)
    {
      for (guint k = 0; k < per_day[day - g->first_day]; k++)
        {
          Draft draft;

          draft_deputy_suggestion (g, &rng, day, &draft);
          draft.category = rng_weighted (&rng, deputy_weights, N_CATEGORIES);
          if (!write_suggestion (g, &rng, &draft, error))
            return FALSE;
          if (g->n_written % PROGRESS_EVERY == 0)
            report (g, 0.15 + 0.80 * g->n_written / total);
        }

      for (; next_reception < g->receptions->len &&
             g_array_index (g->receptions, ReceptionInfo, next_reception).day == day;
           next_reception++)
        {
          guint n = g_array_index (g->receptions, ReceptionInfo, next_reception).n_opinions;

          for (guint k = 0; k < n; k++)
            {
              Draft draft;

              draft_voter_opinion (g, &rng, next_reception, &draft);
              draft.category = rng_weighted (&rng, voter_weights, N_CATEGORIES);
              if (!write_suggestion (g, &rng, &draft, error))
                return FALSE;
              if (g->n_written % PROGRESS_EVERY == 0)
                report (g, 0.15 + 0.80 * g->n_written / total);
            }
        }
    }

  /* The search index in one statement after the rows, not row by row (PERFORMANCE.md). */
  if (!dd_store_exec (g->store,
                      "INSERT INTO suggestions_fts (rowid, title, body) "
                      "SELECT id, title, body FROM suggestions", error))
    return FALSE;

  dd_store_note_change (g->store, "suggestions", 0);
  dd_store_note_change (g->store, "suggestion_proposers", 0);
  dd_store_note_change (g->store, "suggestion_units", 0);
  if (g->next_supervision > 0)
    dd_store_note_change (g->store, "supervisions", 0);
  if (g->next_reply > 0)
    dd_store_note_change (g->store, "replies", 0);
  if (g->next_evaluation > 0)
    dd_store_note_change (g->store, "evaluations", 0);
  return TRUE;
}

/* Activities */

static int
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  const ActivityPlan *pa = a, *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  return pa->kind < pb->kind ? -1 : pa->kind > pb->kind;
}

static gboolean
make_activities (Gen     *g,
                 GError **error)
{
  const Profile *p = g->profile;
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (ActivityPlan));
  Rng rng;
  char held[11], ends[11];
  guint meeting = 0;
  int n_days = g->anchor - g->first_day + 1;

  rng_init (&rng, g->seed, 8);
  for (guint i = 0; i < p->n_activities; i++)
    {
      ActivityPlan plan;

      /* Two draws in two statements: the order of an initializer's calls is unspecified. */
      plan.day = g->first_day + (int) rng_below (&rng, (guint) n_days);
      /* The first ones cover every kind. */
      plan.kind = i < G_N_ELEMENTS (activity_kinds)
        ? i : rng_weighted (&rng, activity_weights, G_N_ELEMENTS (activity_weights));
      g_array_append_val (plans, plan);
    }
  g_array_sort (plans, compare_activities);

  for (guint i = 0; i < plans->len; i++)
    {
      const ActivityPlan *plan = &g_array_index (plans, ActivityPlan, i);
      sqlite3_stmt *s = g->ins_activity;
      guint district = rng_below (&rng, g->districts->len);
      const District *d = DISTRICT (g, district);
      const Township *t = TOWNSHIP (g, random_township (g, &rng, district));
      const Category *c = &categories[rng_below (&rng, N_CATEGORIES - 1)];
      const Topic *topic = &c->topics[rng_below (&rng, c->n_topics)];
      const char *city = city_prefix (g, d->city);
      const char *organizer;
      GArray *pool;
      int ends_on = 0;
      guint n, start;

      g_string_truncate (g->title, 0);
      g_string_truncate (g->text, 0);
      switch (plan->kind)
        {
        case 0:
          g_string_append_printf (g->title, "视察%s%s工作", d->name, topic->object);
          g_string_append (g->text, d->name);
          organizer = "市人大常委会代表工作委员会";
          pool = NTH_ARRAY (g->active_by_district, district);
          break;
        case 1:
          g_string_append_printf (g->title, "%s%s情况专题调研", topic->verb, topic->object);
          g_string_append (g->text, d->name);
          organizer = "市人大常委会研究室";
          pool = g->active_by_level[2];
          ends_on = rng_permille (&rng, 400) ? plan->day + 1 : 0;
          break;
        case 2:
          if (rng_permille (&rng, 500))
            g_string_append_printf (g->title, "%d%s", year_of_day (plan->day), trainings[0]);
          else
            g_string_append (g->title, trainings[1 + rng_below (&rng, G_N_ELEMENTS (trainings) - 1)]);
          g_string_append_printf (g->text, "%s人大代表培训中心", city);
          organizer = "市人大常委会代表工作委员会";
          pool = rng_permille (&rng, 500) ? g->active_by_level[2] : g->active_by_level[3];
          ends_on = plan->day + rng_range (&rng, 1, 3);
          break;
        case 3:
          g_string_append_printf (g->title, "《中华人民共和国%s》执法检查", PICK (&rng, laws));
          g_string_append (g->text, d->name);
          organizer = "市人大常委会法制工作委员会";
          pool = g->active_by_level[2];
          ends_on = rng_permille (&rng, 500) ? plan->day + rng_range (&rng, 1, 4) : 0;
          break;
        case 4:
          g_string_append_printf (g->title, "%s专题活动", PICK (&rng, groups));
          g_string_append_printf (g->text, "%s%s", d->name, t->name);
          organizer = "市人大常委会代表工作委员会";
          pool = g->active_by_level[rng_permille (&rng, 500) ? 2 : 3];
          break;
        case 5:
          g_string_append_printf (g->title, "列席%s人大常委会第%u次会议",
                                  g->profile->n_cities > 1 ? "省" : "市", ++meeting);
          g_string_append_printf (g->text, "%s人民代表大会常务委员会会议室",
                                  g->profile->n_cities > 1 ? province_name : "市");
          organizer = g->profile->n_cities > 1 ? "省人大常委会办公厅" : "市人大常委会办公室";
          pool = g->active_by_level[2];
          break;
        default:
          g_string_append_printf (g->title, "%s人大代表向选民述职活动", t->name);
          g_string_append_printf (g->text, "%s%s", t->name, d->county ? "政府会议室" : "党群服务中心");
          organizer = d->county ? "乡镇人大主席团" : "街道人大工委";
          pool = NTH_ARRAY (g->active_by_district, district);
          break;
        }
      if (pool->len == 0)
        pool = g->active_by_level[3];

      sqlite3_bind_int64 (s, 1, i + 1);
      bind_text (s, 2, activity_kinds[plan->kind]);
      bind_gstring (s, 3, g->title);
      bind_day (s, 4, plan->day, held);
      bind_day (s, 5, ends_on, ends);
      bind_gstring (s, 6, g->text);
      bind_text (s, 7, organizer);
      bind_text (s, 8, g->now);
      if (!step (g, s, error))
        return FALSE;

      /* A run of the pool: distinct deputies without a search. */
      n = (guint) rng_range (&rng, (int) p->attend_min, (int) p->attend_max);
      n = MIN (n, pool->len);
      start = rng_below (&rng, pool->len);
      for (guint k = 0; k < n; k++)
        {
          guint r = rng_below (&rng, 1000);

          s = g->ins_attendance;
          sqlite3_bind_int64 (s, 1, i + 1);
          sqlite3_bind_int64 (s, 2, U32 (pool, (start + k) % pool->len));
          bind_text (s, 3, r < 850 ? "present" : r < 960 ? "excused" : "absent");
          if (!step (g, s, error))
            return FALSE;
        }
    }

  dd_store_note_change (g->store, "activities", 0);
  dd_store_note_change (g->store, "attendances", 0);
  return TRUE;
}

/* Set up */

static gboolean
is_empty (Gen     *g,
          GError **error)
{
  sqlite3_stmt *stmt;
  int rc;
  gboolean empty;

  stmt = dd_store_prepare (g->store,
                           "SELECT EXISTS (SELECT 1 FROM deputies) OR EXISTS (SELECT 1 FROM suggestions) "
                           "OR EXISTS (SELECT 1 FROM stations) OR EXISTS (SELECT 1 FROM units) "
                           "OR EXISTS (SELECT 1 FROM receptions) OR EXISTS (SELECT 1 FROM activities)",
                           error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      dd_store_set_error (g->store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!empty)
    g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                         _("Demo data can only be generated into an empty database; "
                           "this one already holds deputies, stations or suggestions"));
  return empty;
}

static gboolean
load_checklist_items (Gen     *g,
                      GError **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (g->store,
                                         "SELECT id FROM checklist_items WHERE active = 1 "
                                         "ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (g->checklist_items, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (g->store, rc, error);
  return TRUE;
}

static gboolean
prepare_statements (Gen     *g,
                    GError **error)
{
  static const struct { gsize offset; const char *sql; } statements[] = {
    { G_STRUCT_OFFSET (Gen, ins_deputy),
      "INSERT INTO deputies (id, person_id, code, name, gender, ethnicity, birth_on, level, term, "
      "constituency, district, township, occupation, group_name, phone, status, status_on, "
      "status_reason, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)" },
    { G_STRUCT_OFFSET (Gen, ins_station),
      "INSERT INTO stations (id, code, name, kind, address, district, township, schedule_days, "
      "schedule_hours, schedule_place, contact_name, contact_phone, upgraded_on, archived, "
      "created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" },
    { G_STRUCT_OFFSET (Gen, ins_checklist),
      "INSERT INTO station_checklist (station_id, item_id, done, checked_on) VALUES (?1, ?2, ?3, ?4)" },
    { G_STRUCT_OFFSET (Gen, ins_station_deputy),
      "INSERT INTO station_deputies (station_id, deputy_id, on_duty, since_on) VALUES (?1, ?2, ?3, ?4)" },
    { G_STRUCT_OFFSET (Gen, ins_unit),
      "INSERT INTO units (id, name, kind, contact_name, contact_phone, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
    { G_STRUCT_OFFSET (Gen, ins_reception),
      "INSERT INTO receptions (id, station_id, held_on, voters_received, petitions_handled, topic, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (Gen, ins_reception_deputy),
      "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?1, ?2)" },
    { G_STRUCT_OFFSET (Gen, ins_suggestion),
      "INSERT INTO suggestions (id, number, kind, title, body, category, state, registered_on, "
      "station_id, reception_id, voter_name, voter_phone, assigned_on, deadline_on, replied_on, "
      "evaluated_on, closed_on, round, merged_into_id, rejection_reason, transferred_to, published, "
      "created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19, ?20, ?21, ?22, ?23, ?24)" },
    { G_STRUCT_OFFSET (Gen, ins_proposer),
      "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) VALUES (?1, ?2, ?3)" },
    { G_STRUCT_OFFSET (Gen, ins_suggestion_unit),
      "INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) VALUES (?1, ?2, ?3, ?4)" },
    { G_STRUCT_OFFSET (Gen, ins_supervision),
      "INSERT INTO supervisions (id, suggestion_id, mode, leader_name, started_on, ended_on, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (Gen, ins_reply),
      "INSERT INTO replies (id, suggestion_id, unit_id, round, class, body, replied_on, "
      "co_units_signed_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" },
    { G_STRUCT_OFFSET (Gen, ins_evaluation),
      "INSERT INTO evaluations (id, suggestion_id, deputy_id, round, verdict, evaluated_on, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (Gen, ins_activity),
      "INSERT INTO activities (id, kind, title, held_on, ends_on, place, organizer, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" },
    { G_STRUCT_OFFSET (Gen, ins_attendance),
      "INSERT INTO attendances (activity_id, deputy_id, status) VALUES (?1, ?2, ?3)" },
    { G_STRUCT_OFFSET (Gen, ins_audit),
      "INSERT INTO audit_log (changed_at, operator, entity, entity_id, field, old_value, new_value) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = dd_store_prepare (g->store, statements[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      G_STRUCT_MEMBER (sqlite3_stmt *, g, statements[i].offset) = stmt;
    }
  return TRUE;
}

/* The cached statements outlive this run: drop the bindings that point into our buffers. */
static void
release_statements (Gen *g)
{
  sqlite3_stmt **all[] = {
    &g->ins_deputy, &g->ins_station, &g->ins_checklist, &g->ins_station_deputy, &g->ins_unit,
    &g->ins_reception, &g->ins_reception_deputy, &g->ins_suggestion, &g->ins_proposer,
    &g->ins_suggestion_unit, &g->ins_supervision, &g->ins_reply, &g->ins_evaluation,
    &g->ins_activity, &g->ins_attendance, &g->ins_audit,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (*all[i] != NULL)
      {
        sqlite3_reset (*all[i]);
        sqlite3_clear_bindings (*all[i]);
        *all[i] = NULL;
      }
}

static gboolean
write_audit (Gen     *g,
             GError **error)
{
  sqlite3_stmt *s = g->ins_audit;

  bind_text (s, 1, g->now);
  bind_text (s, 2, dd_store_get_operator (g->store));
  bind_text (s, 3, "demo");
  sqlite3_bind_int64 (s, 4, 0);
  bind_text (s, 5, "size");
  sqlite3_bind_null (s, 6);
  bind_text (s, 7, g->profile->name);
  if (!step (g, s, error))
    return FALSE;
  dd_store_note_change (g->store, "audit_log", 0);
  return TRUE;
}

static gboolean
generate_in_transaction (DdStore  *store,
                         gpointer  user_data,
                         GError  **error)
{
  Gen *g = user_data;
  guint n_voter = g->profile->n_suggestions * 3 / 5;
  gboolean ok;

  if (!is_empty (g, error) || !load_checklist_items (g, error) || !prepare_statements (g, error))
    return FALSE;

  report (g, 0.0);
  make_places (g);
  ok = make_deputies (g, error);
  if (ok)
    {
      report (g, 0.06);
      ok = make_stations (g, error) && make_units (g, error);
    }
  if (ok)
    {
      report (g, 0.10);
      plan_receptions (g, n_voter);
      ok = write_receptions (g, error);
    }
  if (ok)
    {
      report (g, 0.15);
      ok = make_suggestions (g, g->profile->n_suggestions - n_voter, error);
    }
  if (ok)
    {
      report (g, 0.95);
      ok = make_activities (g, error) && write_audit (g, error);
    }

  release_statements (g);
  return ok;
}

static void
gen_clear (Gen *g)
{
  g_clear_pointer (&g->strings, g_string_chunk_free);
  g_clear_pointer (&g->districts, g_array_unref);
  g_clear_pointer (&g->townships, g_array_unref);
  g_clear_pointer (&g->deputies, g_array_unref);
  g_clear_pointer (&g->deputy_names, g_ptr_array_unref);
  for (guint i = 0; i < N_LEVELS; i++)
    g_clear_pointer (&g->active_by_level[i], g_array_unref);
  g_clear_pointer (&g->active_by_district, free_array_of_arrays);
  if (g->stations != NULL)
    for (guint i = 0; i < g->stations->len; i++)
      g_array_unref (g_array_index (g->stations, StationInfo, i).deputies);
  g_clear_pointer (&g->stations, g_array_unref);
  g_clear_pointer (&g->stations_by_district, free_array_of_arrays);
  g_clear_pointer (&g->units_by, free_array_of_arrays);
  g_clear_pointer (&g->all_units, free_array_of_arrays);
  g_clear_pointer (&g->unit_names, g_ptr_array_unref);
  g_clear_pointer (&g->district_government, g_array_unref);
  g_clear_pointer (&g->receptions, g_array_unref);
  g_clear_pointer (&g->reception_deputies, g_array_unref);
  g_clear_pointer (&g->checklist_items, g_array_unref);
  if (g->title != NULL)
    g_string_free (g->title, TRUE);
  if (g->body != NULL)
    g_string_free (g->body, TRUE);
  if (g->text != NULL)
    g_string_free (g->text, TRUE);
  if (g->text2 != NULL)
    g_string_free (g->text2, TRUE);
  if (g->text3 != NULL)
    g_string_free (g->text3, TRUE);
}

static gboolean
parse_anchor (const char  *text,
              int         *day,
              GError     **error)
{
  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      *day = days_from_civil (g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));
      return TRUE;
    }

  /* Three full years before it must fit the calendar checks of the schema. */
  if (!dd_date_is_valid (text) || atoi (text) < 1905)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("The demo's end date “%s” is not a date; write it as YYYY-MM-DD, "
                     "for example 2025-03-01"), text);
      return FALSE;
    }
  *day = days_from_civil (atoi (text), atoi (text + 5), atoi (text + 8));
  return TRUE;
}

/* Public API */

/**
 * dd_demo_size_from_string:
 * @text: "small", "district" or "province"
 *
 * Returns: %TRUE and sets @size if @text names a size
 */
gboolean
dd_demo_size_from_string (const char *text,
                          DdDemoSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (text != NULL && g_ascii_strcasecmp (text, profiles[i].name) == 0)
      {
        *size = (DdDemoSize) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * dd_demo_generate:
 * @store: an empty database
 * @options: the size, seed, end date and progress callback
 *
 * Fills @store with a demo jurisdiction in one transaction. A database that
 * already holds deputies, stations, units, receptions, activities or
 * suggestions is refused with %DD_MODEL_ERROR_INVALID and left as it was;
 * on any error nothing is written.
 *
 * Returns: %TRUE if the data was committed
 */
gboolean
dd_demo_generate (DdStore              *store,
                  const DdDemoOptions  *options,
                  GError              **error)
{
  Gen g = { 0 };
  gint64 old_synchronous = -1;
  gboolean ok;
  char anchor[11];

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail ((guint) options->size < G_N_ELEMENTS (profiles), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_anchor (options->anchor, &g.anchor, error))
    return FALSE;

  g.store = store;
  g.db = dd_store_get_db (store);
  g.profile = &profiles[options->size];
  g.seed = options->seed;
  g.first_day = g.anchor - N_YEARS * 365 + 1;
  g.progress = options->progress;
  g.progress_data = options->progress_data;
  format_day (g.anchor, anchor);
  g_snprintf (g.now, sizeof g.now, "%sT09:00:00", anchor);

  g.strings = g_string_chunk_new (64 * 1024);
  g.districts = g_array_new (FALSE, FALSE, sizeof (District));
  g.townships = g_array_new (FALSE, FALSE, sizeof (Township));
  g.deputies = g_array_sized_new (FALSE, FALSE, sizeof (DeputyInfo), g.profile->n_deputies);
  g.deputy_names = g_ptr_array_sized_new (g.profile->n_deputies);
  for (guint i = 0; i < N_LEVELS; i++)
    g.active_by_level[i] = uint_array ();
  g.stations = g_array_new (FALSE, FALSE, sizeof (StationInfo));
  g.unit_names = g_ptr_array_new ();
  g.district_government = g_array_new (FALSE, TRUE, sizeof (guint32));
  g.receptions = g_array_new (FALSE, FALSE, sizeof (ReceptionInfo));
  g.reception_deputies = uint_array ();
  g.checklist_items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.title = g_string_sized_new (256);
  g.body = g_string_sized_new (2048);
  g.text = g_string_sized_new (512);
  g.text2 = g_string_sized_new (128);
  g.text3 = g_string_sized_new (128);

  /* The sync level cannot change inside a transaction; a bulk write needs
   * only NORMAL (PERFORMANCE.md), then the store's own setting returns. */
  if (!dd_store_in_transaction (store))
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (g.db, "PRAGMA synchronous", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        old_synchronous = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (old_synchronous >= 0)
        sqlite3_exec (g.db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    }

  ok = dd_store_write (store, generate_in_transaction, &g, error);

  if (old_synchronous >= 0)
    {
      char sql[64];

      g_snprintf (sql, sizeof sql, "PRAGMA synchronous = %" G_GINT64_FORMAT, old_synchronous);
      sqlite3_exec (g.db, sql, NULL, NULL, NULL);
    }

  gen_clear (&g);
  if (ok)
    report (&g, 1.0);
  return ok;
}
