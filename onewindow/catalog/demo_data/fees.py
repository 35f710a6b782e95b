"""The demo county's fee catalog (收费目录清单): 行政事业性收费, 政府性基金 and 涉企收费.

Standards marked 示范县现行标准 are set by the (fictional) province within the national rules.
Most service items charge nothing; an item that charges refers to one of these entries by code.
"""

from onewindow.catalog.choices import FeeCategory
from onewindow.catalog.demo_data import departments as d


def _fee(dept: d.Dept, code: str, name: str, category: str, standard: str, basis: str, *, reducible: bool, remarks: str = "") -> dict:
    return {
        "department": dept.name,
        "code": code,
        "name": name,
        "category": category,
        "standard": standard,
        "basis": basis,
        "reducible": reducible,
        "remarks": remarks,
    }


_REAL_ESTATE_BASIS = (
    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》(发改价格规〔2016〕2559号);"
    "《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》(财税〔2016〕79号)"
)

FEE_ENTRIES: list[dict] = [
    _fee(
        d.REAL_ESTATE,
        "XZ001",
        "不动产登记费",
        FeeCategory.ADMINISTRATIVE,
        "住宅类不动产登记每件80元;非住宅类不动产登记每件550元",
        _REAL_ESTATE_BASIS,
        reducible=True,
        remarks="小微企业(含个体工商户)申请不动产登记免收;更正登记、异议登记、查封登记及因行政区划调整等办理的变更登记不收费。",
    ),
    _fee(
        d.REAL_ESTATE,
        "XZ002",
        "不动产权属证书工本费",
        FeeCategory.ADMINISTRATIVE,
        "核发一本不动产权属证书的不收取工本费;向一个以上权利人核发的,每增加一本加收10元",
        _REAL_ESTATE_BASIS,
        reducible=False,
    ),
    _fee(
        d.POLICE,
        "XZ003",
        "普通护照工本费",
        FeeCategory.ADMINISTRATIVE,
        "每本120元",
        "国家发展改革委、财政部关于降低因私出入境证照收费标准的通知(发改价格〔2017〕1186号)",
        reducible=False,
    ),
    _fee(
        d.POLICE,
        "XZ004",
        "居民身份证工本费",
        FeeCategory.ADMINISTRATIVE,
        "首次申领、到期换领每证20元;丢失补领、损坏换领每证40元;临时居民身份证每证10元",
        "《中华人民共和国居民身份证法》;《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》(发改价格〔2003〕2322号)",
        reducible=True,
        remarks="城市中领取最低生活保障金的居民、农村中有特殊生活困难的居民,初次申领和换领时免收工本费。",
    ),
    _fee(
        d.POLICE,
        "XZ007",
        "往来港澳通行证及签注工本费",
        FeeCategory.ADMINISTRATIVE,
        "电子往来港澳通行证每证60元;团队旅游、个人旅游等签注每件15元",
        "国家发展改革委、财政部关于降低因私出入境证照收费标准的规定",
        reducible=False,
    ),
    _fee(
        d.EDUCATION,
        "XZ005",
        "普通高中学费",
        FeeCategory.ADMINISTRATIVE,
        "县城普通高中每生每学期800元;农村普通高中每生每学期600元(示范县现行标准)",
        "《普通高级中学收费管理暂行办法》(教财〔1996〕101号);省发展改革委、省财政厅、省教育厅核定的收费标准",
        reducible=True,
        remarks="建档立卡等家庭经济困难学生免除学费。",
    ),
    _fee(
        d.WATER,
        "XZ006",
        "水土保持补偿费",
        FeeCategory.ADMINISTRATIVE,
        "一般性生产建设项目按征占用土地面积一次性计征,每平方米1.4元(不足1平方米的按1平方米计,示范县现行标准)",
        "《中华人民共和国水土保持法》;《水土保持补偿费征收使用管理办法》(财综〔2014〕8号);"
        "《国家发展改革委 财政部关于水土保持补偿费收费标准(试行)的通知》(发改价格〔2014〕886号)",
        reducible=True,
        remarks="建设学校、幼儿园、医院、养老服务设施、福利院等公益性工程项目,农民依法利用农村集体土地新建、翻建自用住房等,免征。"
        "水行政主管部门核定征收金额,税务部门负责征收。",
    ),
    _fee(
        d.HOUSING,
        "JJ001",
        "城市基础设施配套费",
        FeeCategory.FUND,
        "按建设工程建筑面积每平方米60元计征(示范县现行标准)",
        "《全国政府性基金目录清单》;省人民政府关于城市基础设施配套费征收使用管理的规定",
        reducible=True,
        remarks="保障性住房、中小学校舍、养老服务设施等按规定减免。",
    ),
    _fee(
        d.HOUSING,
        "JJ002",
        "污水处理费",
        FeeCategory.FUND,
        "居民生活用水每立方米0.95元;非居民用水每立方米1.40元(示范县现行标准)",
        "《城镇排水与污水处理条例》;《污水处理费征收使用管理办法》(财税〔2014〕151号)",
        reducible=False,
        remarks="由城镇供水企业随水费代征,全额缴入县级国库。",
    ),
    _fee(
        d.FORESTRY,
        "JJ003",
        "森林植被恢复费",
        FeeCategory.FUND,
        "郁闭度0.2以上的乔木林地、竹林地、苗圃地每平方米不低于10元;灌木林地、疏林地、未成林造林地每平方米不低于6元;宜林地每平方米不低于3元",
        "《中华人民共和国森林法》;《财政部 国家林业局关于调整森林植被恢复费征收标准引导节约集约利用林地的通知》(财税〔2015〕122号)",
        reducible=True,
        remarks="农村居民按规定标准建设住宅,农村集体经济组织修建乡村道路、学校、幼儿园、敬老院、福利院、卫生院等社会公益项目及保障性安居工程,免征。",
    ),
    _fee(
        d.TAX,
        "JJ004",
        "残疾人就业保障金",
        FeeCategory.FUND,
        "(上年用人单位在职职工人数×1.5%-上年实际安排的残疾人就业人数)×上年用人单位在职职工年平均工资",
        "《残疾人就业条例》;《残疾人就业保障金征收使用管理办法》(财税〔2015〕72号)",
        reducible=True,
        remarks="在职职工总数30人(含)以下的企业暂免征收。",
    ),
    _fee(
        d.NATURAL_RESOURCES,
        "SQ001",
        "耕地开垦费",
        FeeCategory.ENTERPRISE,
        "按占用耕地面积和省人民政府规定的标准一次性缴纳(示范县所在区域每平方米30元)",
        "《中华人民共和国土地管理法》;省人民政府关于耕地开垦费征收标准的规定",
        reducible=False,
        remarks="没有条件开垦或开垦的耕地不符合要求的建设单位缴纳,专款用于开垦新的耕地。",
    ),
    _fee(
        d.NATURAL_RESOURCES,
        "SQ002",
        "土地复垦费",
        FeeCategory.ENTERPRISE,
        "按土地复垦方案确定的复垦费用缴纳",
        "《土地复垦条例》",
        reducible=False,
        remarks="生产建设单位不复垦或复垦不符合要求的缴纳,由自然资源主管部门代为组织复垦。",
    ),
    _fee(
        d.CITY_MANAGEMENT,
        "SQ003",
        "非居民生活垃圾处理费",
        FeeCategory.ENTERPRISE,
        "按月计收:餐饮单位每户每月120元;其他经营单位每户每月40元(示范县现行标准)",
        "《城市生活垃圾管理办法》;省发展改革委、省住房城乡建设厅关于生活垃圾处理收费的规定",
        reducible=False,
    ),
]

FEES_BY_CODE = {entry["code"]: entry for entry in FEE_ENTRIES}
