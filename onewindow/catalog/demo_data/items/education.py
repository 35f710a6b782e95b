"""示范县教育局: teacher qualification, private schools, school enrolment and transfer, student aid."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    HOUSEHOLD_REGISTER,
    ID_CARD,
    PHOTO,
    choice,
    date,
    gov,
    material,
    number,
    optional,
    pledge,
    special,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, COUNTY, basis

lists = DepartmentLists(d.EDUCATION)

COMPULSORY_LAW = "《中华人民共和国义务教育法》"
PRIVATE_LAW = "《中华人民共和国民办教育促进法》"
AID_RULES = "《学生资助资金管理办法》"
STATUS_RULES = "《中小学生学籍管理办法》"
AID_UNIT = "学生资助管理中心"
BASIC = "基础教育股"

TEACHER = lists.power(
    C.LICENSING,
    1,
    "教师资格认定",
    bases=[
        basis("《中华人民共和国教师法》", "第十三条", "中小学教师资格由县级以上地方人民政府教育行政部门认定。"),
        basis(
            "《教师资格条例》",
            "第十三条",
            "幼儿园、小学和初级中学教师资格,由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门认定。",
        ),
    ],
    content="对申请幼儿园、小学、初级中学教师资格和中等职业学校实习指导教师资格的人员进行认定。",
    levels=CITY_COUNTY,
)
lists.guide(
    TEACHER,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="遵守宪法和法律,热爱教育事业,具有良好的思想品德;具备教师法规定的相应学历;中小学教师资格考试合格;普通话水平达到二级乙等以上;身体健康。",
    statutory=30,
    promised=20,
    materials=[
        material("教师资格认定申请表", form="electronic", requirements="网上报名后生成"),
        ID_CARD,
        PHOTO,
        material("中小学教师资格考试合格证明", form="electronic", requirements="系统核验"),
        material("普通话水平测试等级证书", form="electronic", requirements="系统核验"),
        material("学历证书", form="electronic", requirements="系统核验,无法核验的提交学历认证报告"),
        material("体检合格证明", requirements="县级以上医院出具"),
        pledge("个人承诺书", "承诺无犯罪记录等不得认定情形,由认定机构核查"),
    ],
    form=[
        choice("level", "资格种类", ["幼儿园教师资格", "小学教师资格", "初级中学教师资格"]),
        text("subject", "任教学科", max_length=20),
        choice("channel", "申请途径", ["户籍所在地", "居住证所在地", "任教学校所在地"]),
    ],
    result="教师资格证书",
    license_type="teacher-qualification",
    unit=BASIC,
    depth=6,
    keywords="教师资格证 教资认定 当老师 教师证",
)

PRIVATE_SCHOOL = lists.power(
    C.LICENSING,
    2,
    "实施学历教育、学前教育的民办学校设立审批",
    bases=[
        basis(
            PRIVATE_LAW,
            "第十二条",
            "举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校,由县级以上人民政府教育行政部门按照国家规定的权限审批。",
        )
    ],
    content="对在本县举办实施义务教育、学前教育的民办学校(幼儿园)的筹设、正式设立、变更和终止进行审批。",
    levels=ALL_LEVELS,
)
lists.guide(
    PRIVATE_SCHOOL,
    audience=A.BOTH,
    themes=["ruxue"],
    conditions="举办者具有政治权利和完全民事行为能力(社会组织具有法人资格);设置标准符合同级同类公办学校标准;有必备的办学资金和稳定的经费来源;有合格的教师和管理人员;有规范的章程和组织机构。",
    statutory=90,
    promised=30,
    situations=[("筹设", ""), ("正式设立", "筹设期满或者具备办学条件直接申请"), ("变更、终止", "")],
    materials=[
        material("申办报告", situation="S01"),
        material("举办者资格证明和资产来源、资金数额及有效证明文件", situation="S01"),
        material("办学场地使用证明和消防、卫生等安全条件证明", situation="S02"),
        material("学校章程、首届理事会(董事会)组成人员名单", situation="S02"),
        material("校长、教师、财会人员的资格证明", situation="S02"),
        material("理事会(董事会)关于变更、终止的决议和财产清算方案", situation="S03"),
    ],
    form=[
        text("school_name", "拟办学校名称"),
        choice("level", "办学层次", ["幼儿园", "小学", "初级中学", "九年一贯制"]),
        number("capacity", "拟招生规模(人)"),
        text("address", "办学地址"),
    ],
    result="民办学校办学许可证",
    extras=(special(StageKind.EXPERT_REVIEW, "专家评议", 15),),
    site_check=True,
    unit="民办教育管理股",
    depth=4,
    visits=1,
    visit_reason="需举办者到场说明办学方案并签署办学承诺",
    keywords="办幼儿园 民办学校 私立学校 办学许可证",
)

ENROLMENT = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "义务教育阶段新生入学",
    bases=[
        basis(
            COMPULSORY_LAW,
            "第十二条",
            "适龄儿童、少年免试入学。地方各级人民政府应当保障适龄儿童、少年在户籍所在地学校就近入学。",
        )
    ],
    content="组织小学一年级、初中一年级新生网上报名、资格审核和学位分配。",
    levels=COUNTY,
)
lists.guide(
    ENROLMENT,
    audience=A.PERSON,
    themes=["ruxue"],
    conditions="当年8月31日前年满6周岁的适龄儿童(小学)或者小学毕业生(初中);户籍在学区内,或者随迁子女父母在本县有合法稳定就业和住所。",
    statutory=20,
    promised=10,
    situations=[("户籍生", ""), ("随迁子女", "父母一方持本县居住证")],
    materials=[
        HOUSEHOLD_REGISTER,
        gov("房屋不动产权证书或者住房租赁合同", "property-certificate", requirements="通过不动产登记信息共享核验;租房的上传备案的租赁合同"),
        material("父母居住证和就业(社保缴纳)证明", form="electronic", situation="S02"),
    ],
    form=[
        text("child_name", "儿童姓名", max_length=50),
        date("child_birth", "儿童出生日期"),
        choice("grade", "入学年级", ["小学一年级", "初中一年级"]),
        text("address", "实际居住地址"),
    ],
    result="入学通知书",
    unit=BASIC,
    depth=6,
    keywords="上小学 入学报名 一年级报名 上初中 学区 随迁子女入学",
)

TRANSFER = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "中小学生转学",
    bases=[basis(STATUS_RULES)],
    content="为因户籍迁移、家庭搬迁等原因需要转学的中小学生办理学籍转接。",
    levels=COUNTY,
)
lists.guide(
    TRANSFER,
    audience=A.PERSON,
    themes=["ruxue"],
    conditions="学生因户籍迁移、家庭住址变动或者父母工作调动等原因需要转学,转入学校有学位。",
    statutory=20,
    promised=5,
    materials=[
        material("中小学生转学申请表", requirements="监护人签字,转出、转入学校签署意见"),
        HOUSEHOLD_REGISTER,
        optional("居住地或者工作变动证明", "非户籍迁移原因转学的提交"),
    ],
    form=[
        text("student_name", "学生姓名", max_length=50),
        text("from_school", "转出学校"),
        text("to_school", "拟转入学校"),
        choice("grade", "年级", ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"]),
    ],
    result="学籍转接确认",
    unit=BASIC,
    depth=6,
    keywords="转学 转学籍 搬家转学 插班",
)

CERTIFICATE = lists.power(
    C.PUBLIC_SERVICE,
    3,
    "初中毕业证书遗失补办学历证明",
    bases=[basis(STATUS_RULES)],
    content="为本县初中毕业证书遗失或者损毁的毕业生出具学历证明书。",
    levels=COUNTY,
)
lists.guide(
    CERTIFICATE,
    audience=A.PERSON,
    themes=["jiuye-chuangye", "huji-zhengjian"],
    conditions="在本县初级中学毕业,毕业证书遗失或者损毁,学籍档案可查。",
    statutory=20,
    promised=3,
    materials=[ID_CARD, material("学历证明申请表", form="electronic"), optional("原毕业学校出具的学籍证明", "档案中查找不到的提交")],
    form=[text("school", "毕业学校"), number("graduation_year", "毕业年份", minimum=1950)],
    result="初中毕业学历证明书",
    unit=BASIC,
    depth=6,
    keywords="毕业证丢了 补办毕业证 学历证明 初中毕业证",
)

HIGH_SCHOOL_GRANT = lists.power(
    C.BENEFIT,
    1,
    "普通高中国家助学金",
    bases=[basis(AID_RULES)],
    content="对本县普通高中在校生中的家庭经济困难学生发放国家助学金。",
    levels=ALL_LEVELS,
)
lists.guide(
    HIGH_SCHOOL_GRANT,
    audience=A.PERSON,
    themes=["ruxue"],
    conditions="具有普通高中全日制正式学籍的在校学生,家庭经济困难(优先资助脱贫家庭、低保家庭、特困供养、残疾学生等)。",
    statutory=30,
    promised=20,
    materials=[
        material("普通高中国家助学金申请表", requirements="经学校认定家庭经济困难"),
        ID_CARD,
        optional("低保证、特困供养证或者残疾人证等", "能够通过部门共享核验的免于提交"),
    ],
    form=[
        text("school", "就读学校"),
        text("class_name", "班级", max_length=20),
        choice("difficulty", "困难等级", ["特别困难", "困难", "一般困难"]),
    ],
    result="国家助学金发放",
    unit=AID_UNIT,
    places="学生就读的普通高中学生资助工作办公室",
    depth=4,
    keywords="助学金 高中助学金 贫困生资助 学生资助",
)

PRESCHOOL_AID = lists.power(
    C.BENEFIT,
    2,
    "学前教育幼儿资助",
    bases=[basis(AID_RULES)],
    content="对本县普惠性幼儿园在园家庭经济困难儿童、孤儿和残疾儿童减免保育教育费或者发放生活补助。",
    levels=ALL_LEVELS,
)
lists.guide(
    PRESCHOOL_AID,
    audience=A.PERSON,
    themes=["ruxue", "chusheng"],
    conditions="在本县经审批设立的普惠性幼儿园就读,属于家庭经济困难儿童、孤儿或者残疾儿童。",
    statutory=30,
    promised=20,
    materials=[
        material("学前教育资助申请表", requirements="监护人签字"),
        HOUSEHOLD_REGISTER,
        optional("家庭经济困难证明材料", "能够通过部门共享核验的免于提交"),
    ],
    form=[text("child_name", "幼儿姓名", max_length=50), text("kindergarten", "就读幼儿园")],
    result="学前教育资助发放",
    unit=AID_UNIT,
    places="幼儿就读的幼儿园",
    depth=4,
    keywords="幼儿园补助 学前资助 保教费减免",
)

DEFERRAL = lists.power(
    C.OTHER,
    1,
    "适龄儿童、少年延缓入学或者休学审批",
    bases=[
        basis(
            COMPULSORY_LAW,
            "第十一条",
            "适龄儿童、少年因身体状况需要延缓入学或者休学的,其父母或者其他法定监护人应当提出申请,由当地乡镇人民政府或者县级人民政府教育行政部门批准。",
        )
    ],
    content="对因身体状况需要延缓入学或者休学的适龄儿童、少年进行审批。",
    levels=COUNTY,
)
lists.guide(
    DEFERRAL,
    audience=A.PERSON,
    themes=["ruxue"],
    conditions="适龄儿童、少年因身体状况不能正常入学或者继续学习,由父母或者其他法定监护人申请。",
    statutory=20,
    promised=5,
    materials=[material("延缓入学(休学)申请表", requirements="监护人签字"), HOUSEHOLD_REGISTER, material("县级以上医疗机构出具的诊断证明")],
    form=[
        choice("kind", "申请事项", ["延缓入学", "休学"]),
        number("months", "申请期限(月)"),
        textarea("reason", "身体状况说明", max_length=300),
    ],
    result="延缓入学(休学)审批意见",
    unit=BASIC,
    depth=5,
    keywords="休学 延缓入学 推迟上学 病休",
)

TEACHER_AWARD = lists.power(
    C.REWARD,
    1,
    "优秀教师表彰奖励",
    bases=[
        basis(
            "《中华人民共和国教师法》",
            "",
            "教师在教育教学、培养人才、科学研究、教学改革、学校建设、社会服务、勤工俭学等方面成绩优异的,由所在学校予以表彰、奖励。"
            "国务院和地方各级人民政府及其有关部门对有突出贡献的教师,应当予以表彰、奖励。",
        )
    ],
    content="对在教育教学工作中成绩突出的教师和教育工作者予以表彰奖励。",
    levels=ALL_LEVELS,
)
lists.guide(
    TEACHER_AWARD,
    audience=A.BOTH,
    themes=[],
    conditions="本县在职在岗教师和教育工作者,师德高尚、教育教学业绩突出,近三年年度考核均为合格以上,由学校民主推荐。",
    statutory=60,
    promised=40,
    materials=[material("优秀教师推荐审批表", requirements="学校签署推荐意见并公示"), material("主要事迹材料")],
    form=[
        text("school", "推荐学校"),
        text("teacher_name", "被推荐人姓名", max_length=50),
        textarea("achievements", "主要事迹", max_length=1000),
    ],
    result="表彰决定",
    extras=(special(StageKind.PUBLICITY, "拟表彰对象公示", 5),),
    unit="办公室",
    depth=4,
    keywords="优秀教师 教师节表彰 模范教师",
)

lists.power(
    C.PENALTY,
    1,
    "对民办学校违法办学行为的行政处罚",
    bases=[basis(PRIVATE_LAW)],
    content="对民办学校擅自分立、合并,擅自改变名称、层次、类别和举办者,发布虚假招生简章或者广告,非法颁发或者伪造学历证书等违法行为,责令限期改正、没收违法所得、责令停止招生、吊销办学许可证。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对民办学校和校外培训机构的监督检查",
    bases=[basis(PRIVATE_LAW), basis("《校外培训行政处罚暂行办法》")],
    content="对民办学校、校外培训机构的办学资质、培训内容、收费和安全管理实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
