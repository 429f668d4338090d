# One-off helper kept for the record: writes test/corpus/keys/*.json and manifest.json from
# the hand-written table below. The keys were written by reading each text, not from the reader.
import json, hashlib, os
ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'corpus')
A1 = 'Art. 15(1) Law on Intellectual Property (news of the day, purely informative): not protected'
A2 = 'Art. 15(2) Law on Intellectual Property (legal/administrative document or its verbatim extract): not protected'
docs = [
 # id, url, issuer, level, kind, date, licence, obligations, campaigns, negatives
 ('brvt-2539-cchc','http://cchc.baria-vungtau.gov.vn/tin-tuc-su-kien/-/view_content/content/203311/xay-dung-ke-hoach-cai-cach-hanh-chinh-hang-nam-va-bao-cao-cai-cach-hanh-chinh','UBND tỉnh Bà Rịa – Vũng Tàu','province','công văn (portal summary)','2012-05-08',A2,
  ['monthly d15','quarterly d05','semiannual 05/06','annual 25/11'],[],['plan to issue before 20/11 is a duty to draft a plan']),
 ('bttttt-tt03-2015-in','https://ppdvn.gov.vn/web/guest/nhap-khau-thiet-bi-in?tab=2','Bộ Thông tin và Truyền thông','ministry','Thông tư (extract)','2015',A2,
  ['semiannual 10/07','annual 10/01'],[],['data windows 01/01-30/06 and 01/01-31/12 are not campaigns']),
 ('gso-che-do-bao-cao-thong-ke','https://www.gso.gov.vn/phuong-phap-luan-thong-ke/che-do-bao-cao-thong-ke/','Tổng cục Thống kê','ministry','chế độ báo cáo (table)',None,A2,
  ['annual 15/09','annual 15/10','semiannual 19/06','annual 19/12','annual 10/08'],[],[]),
 ('bqp-tt58-2020-chot-so-lieu','https://hoatieu.vn/thong-tu-58-2020-tt-bqp-che-do-bao-cao-dinh-ky-cua-bo-quoc-phong-200161','Bộ Quốc phòng','ministry','Thông tư (extract)','2020',A2,
  [],[],['every date is a data window (chốt số liệu), not a due date or a campaign']),
 ('bgtvt-tt44-2019-dieu7','https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/4C146-hd-thoi-han-gui-bao-cao-dinh-ky-thuoc-pham-vi-quan-ly-nha-nuoc-cua-bo-giao-thong-van-tai.html','Bộ Giao thông vận tải','ministry','Thông tư (Article 7 quoted)','2019',A2,
  ['monthly d20','quarterly d20','semiannual 20/06','semiannual 20/12','annual 20/12'],[],['effective date 01/01/2020']),
 ('brvt-qd40-2019-chot-so-lieu','http://vungtau.baria-vungtau.gov.vn/web/guest/tin-tuc/-/brvt/extAssetPublisher/content/9094171/ubnd-tinh-ba-ria-vung-tau-quy-dinh-che-do-bao-cao-dinh-ky','UBND tỉnh Bà Rịa – Vũng Tàu','province','Quyết định (portal summary)','2019-12-24',A1,
  [],[],['data windows (chốt số liệu) only; the excerpt stops before the due dates']),
 ('ninhbinh-kh130-2022-giam-ngheo','https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-binh.html','UBND tỉnh Ninh Bình','province','Kế hoạch','2022-07-13',A2,
  ['semiannual undated','annual undated','adhoc'],[],['periods without a date: to be set by the coordinator']),
 ('vanninh-dailanh-kh107-2021-attp','https://dailanh.vanninh.khanhhoa.gov.vn/Default.aspx?ArticleId=870cd878-ec1a-44a8-84a3-9e2f38d0356d','UBND xã Đại Lãnh','commune','Kế hoạch (portal notice)','2021',A1,
  [],['15/04-15/05'],[]),
 ('songma-kh353-2025-attp-tet','https://ttythuyensongma.gov.vn/bai-viet/ke-hoach-trien-khai-cong-tac-bao-dam-an-toan-thuc-pham-tet-nguyen-dan-at-ty-va-le-hoi-xuan-2025-8386','BCĐ liên ngành ATTP huyện Sông Mã','district','Kế hoạch (portal notice)','2024-12',A1,
  [],['31/12-15/03'],[]),
 ('bnv-dien-tich-xa-moi-2025','https://thanhnienonline.com/tag/hanh-chinh','Bộ Nội vụ','ministry','news of a request',None,A1,
  ['once 30/08','once 30/09'],[],[]),
 ('baclieu-2019-binh-dang-gioi','http://www.baobaclieu.vn/tin-tuc/phat-dong-thang-hanh-dong-vi-binh-dang-gioi-va-phong-chong-bao-luc-tren-co-so-gioi-2019-62026.html','UBND tỉnh Bạc Liêu','province','news','2019-11-15',A1,
  [],['15/11-15/12'],['the launch ceremony on 15/11 is an event, not a report']),
 ('moitruong-2024-attp','https://moitruong.net.vn/an-toan-ve-sinh-thuc-pham-ptag.html','Bộ Y tế','ministry','news','2024',A1,
  [],['15/04-15/05'],[]),
 ('backan-chodon-2023-attp','https://baobackan.com.vn/cho-don-huong-ung-thang-hanh-dong-vi-an-toan-thuc-pham-post51646.html','BCĐ liên ngành ATTP huyện Chợ Đồn','district','news','2023-04',A1,
  [],[],['ceremony on 20/4; campaign named without dates']),
 ('brvt-datdo-2024-attp','https://baobariavungtau.com.vn/xa-hoi/202404/dat-do-phat-dong-thang-hanh-dong-vi-ve-sinh-an-toan-thuc-pham-1008148/','BCĐ liên ngành ATTP huyện Đất Đỏ','district','news','2024-04',A1,
  [],[],['ceremony on 16/4; campaign named without dates']),
 ('binhdinh-snv-2024-tet-ton-giao','https://snv.binhdinh.gov.vn/vi/news/cong-tac-ton-giao/bao-dam-nep-song-van-minh-an-toan-tiet-kiem-trong-cac-hoat-dong-tin-nguong-ton-giao-dip-tet-nguyen-dan-giap-thin-va-le-hoi-xuan-2024-993.html','UBND tỉnh Bình Định','province','công văn (portal summary)','2024',A1,
  ['adhoc'],[],[]),
 ('hcm-vpub-2022-tre-em','https://vpub.hochiminhcity.gov.vn/portal/pages/2022-5-23/Trien-khai-Thang-hanh-dong-vi-tre-em-nam-2022-trenr4bxugvqgbzb.aspx','UBND Thành phố Hồ Chí Minh','province','Kế hoạch (portal summary)','2022-05',A1,
  [],['01/06-30/06'],['activities from month 6 to month 12 are a span of activities, the campaign is its focus']),
 ('hoabinh-kh81-2023-tre-em','https://hoabinh.gov.vn/tin-chi-tiet/-/bai-viet/trien-khai-thang-hanh-dong-vi-tre-em-va-dien-dan-tre-em-nam-2023-45900-1358.html','UBND tỉnh Hòa Bình','province','Kế hoạch (portal summary)','2023-04-10',A1,
  [],['01/06-30/06'],['"triển khai ... gửi trước ngày 15/5/2023" asks for the units\' own plans (a duty to draft a plan)','Ngày Quốc tế thiếu nhi (01/6) is an activity inside the month']),
 ('binhthuan-thuvien-2023-thien-tai','https://www.thuvienbinhthuan.com.vn/tuan-le-phong-chong-thien-tai-2023.html','Thủ tướng Chính phủ (QĐ 173) / Thư viện tỉnh Bình Thuận','province','news','2023-05',A1,
  [],['15/05-22/05'],['13/2/2009 is the date of a decision']),
 ('ttxvn-2023-thien-tai','https://infographics.vn/tuan-le-quoc-gia-phong-chong-thien-tai-15-22-5-2023-tu-ung-pho-den-hanh-dong-som/117207.vna','Ban Chỉ đạo quốc gia về phòng chống thiên tai','ministry','news','2023-05-16',A1,
  [],['15/05-22/05'],[]),
 ('sontra-2024-thien-tai','https://sontra.danang.vn/index.php/2024/05/27/huong-ung-tuan-le-quoc-gia-phong-chong-thien-tai-nam-2024/','UBND quận Sơn Trà','district','news','2024-05-27',A1,
  [],['15/05-22/05'],[]),
 ('vov-tuan-le-thien-tai','http://vovworld.vn/vi-VN/xa-hoi-doi-song/to-chuc-tuan-le-quoc-gia-phong-chong-thien-tai-hang-nam-724135.vov','Thủ tướng Chính phủ','ministry','news','2019',A1,
  [],['15/05-22/05'],[]),
 ('haiduong-skhdt-2017-no-dong','https://baohaiduong.vn/kinh-te---tieu-dung/khan-truong-bao-cao-tinh-hinh-no-dong-xay-dung-nong-thon-moi-82687','Sở Kế hoạch và Đầu tư tỉnh Hải Dương','province','news of a công văn','2018-01-05',A1,
  ['once 25/12'],[],['4.1 and 11.12.2017 are dates of events']),
 ('hcm-sgtcc-cu-tri-hang-thang','https://nld.com.vn/phap-luat/so-gtcc-noi-mang-thong-tin-giai-quyet-nguyen-vong-cu-tri-120709.htm','Sở Giao thông công chánh TP.HCM','province','news',None,A1,
  ['monthly d05','monthly d10'],[],['windows from day 1 to 5 and 5 to 10 are not campaigns']),
 ('yenlap-2020-phien-hop','http://yenlap.phutho.gov.vn/thong-tin-tuyen-truyen/bai-viet/cat/tin-moi-nhat-2548/id/uy-ban-nhan-dan-huyen-hop-phien-thuong-ky-thang-11-lan-hai-92846','UBND huyện Yên Lập','district','news','2020-11-19',A1,
  [],[],['a meeting that discussed draft reports is not a reporting obligation']),
 ('caobang-cv1536-2017-cu-tri','http://www.caobang.gov.vn/content/ubnd-t%E1%BB%89nh-y%C3%AAu-c%E1%BA%A7u-b%C3%A1o-c%C3%A1o-k%E1%BA%BFt-qu%E1%BA%A3-th%E1%BB%B1c-hi%E1%BB%87n-%C3%BD-ki%E1%BA%BFn-ki%E1%BA%BFn-ngh%E1%BB%8B-c%E1%BB%A7a-c%E1%BB%AD-tri-v%C3%A0-ch%E1%BA%A5t-v%E1%BA%A5n-c%E1%BB%A7a-%C4%91%E1%BA%A1i','UBND tỉnh Cao Bằng','province','công văn (portal summary)','2017-05-24',A1,
  ['once 05/06'],[],[]),
 ('maichau-quy-che-hop','http://maichau.hoabinh.gov.vn/vi/quy-ch-lam-vi-c?showall=&start=4','UBND huyện Mai Châu','district','Quy chế làm việc',None,A2,
  [],[],['monthly meetings are not reports']),
 ('danang-cadn-2023-tre-em','https://cadn.com.vn/print/da-nang-trien-khai-thang-hanh-dong-vi-tre-em-nam-2023-post277236.html','UBND thành phố Đà Nẵng','province','news','2023-05-08',A1,
  [],[],['launch ceremony "cuối tháng 5 hoặc vào ngày 1-6" is an event; communes drafting plans is a duty to draft a plan']),
 ('kontum-qd06-2024-che-do-bao-cao','https://thuvienphapluat.vn/bulletin/document.aspx?bid=3d461a6e-8cde-4ce4-98ed-897461299905&key=D0nSLey1u8TCxd97xR9ltQ%3D%3D','UBND tỉnh Kon Tum','province','Quyết định','2024-01-25',A2,[],[],['preamble dates']),
 ('quangtri-qd41-2019-che-do-bao-cao','https://dulieuphapluat.vn/van-ban/hanh-chinh-van-ban/quyet-dinh-412019qd-ubnd-quy-dinh-ve-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri-47183.html','UBND tỉnh Quảng Trị','province','Quyết định','2019-10-22',A2,[],[],['effective date 05/11/2019']),
 ('binhdinh-qd57-2020-ke-hoach-dau-tu','https://hethongphapluat.com/quyet-dinh-57-2020-qd-ubnd-ban-hanh-quy-dinh-ve-che-do-bao-cao-dinh-ky-linh-vuc-ke-hoach-dau-tu-tren-dia-ban-tinh-binh-dinh.html','UBND tỉnh Bình Định','province','Quyết định','2020-08-13',A2,[],[],['preamble and effective date']),
 ('khanhhoa-qd2072-2014-hai-long','https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/quyet-dinh-2072-qd-ubnd-2014-su-hai-long-cua-to-chuc-voi-su-phuc-vu-co-quan-hanh-chinh-khanh-hoa-347819.aspx','UBND tỉnh Khánh Hòa','province','Quyết định','2014-08-12',A2,[],[],['preamble dates']),
 ('hanoi-kh138-2021-tre-em','https://dulieuphapluat.vn/van-ban/van-hoa-van-ban/ke-hoach-138kh-ubnd-nam-2021-thuc-hien-chuong-trinh-hanh-dong-quoc-gia-vi-tre-em-thanh-pho-ha-noi-giai-doan-2021-2030-9240.html','UBND thành phố Hà Nội','province','Kế hoạch','2021-06-03',A2,[],[],['indicator target years are not reports']),
 ('hcm-qd1750-2024-quy-che-phoi-hop','https://vanban123.vn/Quyet-dinh/Quyet-dinh-1750-QD-UBND-nam-2024-ve-Quy-che-phoi-hop-giua-cac-so-ban-nganh-thuoc-Uy-ban-nhan-dan-Thanh-pho-Ho-Chi-Minh-Uy-ban-nhan-dan-quan-huyen-thanh-pho-Thu-Duc-trong-cong-tac-tham-muu-va-thuc-hien-nhiem-vu-quan-ly-nha-nuoc-667259','UBND Thành phố Hồ Chí Minh','province','Quyết định','2024-05-20',A2,[],[],['preamble dates']),
 ('caobang-qd46-2019-che-do-bao-cao','https://123docz.net/document/5933268-quyet-dinh-so-46-2019-qd-ubnd-tinh-cao-bang.htm','UBND tỉnh Cao Bằng','province','Quyết định','2019-10-28',A2,[],[],['effective date; no "Số: .../KH" line']),
 ('phutho-qd128-2025-che-do-bao-cao','https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-128-2025-QD-UBND-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-Phu-Tho-686148.html','UBND tỉnh Phú Thọ','province','Quyết định','2025-12-17',A2,[],[],['effective date 29/12/2025']),
 ('thanhhoa-qd1222-2018-don-gian-hoa','https://thuvienphapluat.vn/bulletin/document.aspx?bid=480e9ef4-d732-48cb-aff3-ebc5bfbc13b3&key=b6ZeATKlfvQSVwS1QDb89Q%3D%3D','Chủ tịch UBND tỉnh Thanh Hóa','province','Quyết định','2018-04-06',A2,[],[],['preamble dates']),
 ('vinhlong-qd1185-2022-lang-quang','https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Quyet-dinh-1185-QD-UBND-2022-chien-dich-diet-lang-quang-phong-chong-sot-xuat-huyet-Vinh-Long-518497.aspx?tab=3','Chủ tịch UBND tỉnh Vĩnh Long','province','Quyết định','2022-06-17',A2,[],[],['a campaign named without dates in this excerpt']),
 ('nhandan-2024-attp','https://nhandan.vn/lap-5-doan-lien-nganh-kiem-tra-an-toan-thuc-pham-post802439.html','Bộ Y tế','ministry','news','2024',A1,[],[],['"từ giữa tháng 4 đến giữa tháng 5" gives no day']),
 ('ttxvn-2024-thien-tai','https://infographics.vn/interactive-hanh-dong-som-chu-dong-truoc-thien-tai/211196.vna','Thủ tướng Chính phủ','ministry','news','2024-05-15',A1,[],['15/05-22/05'],['13/02/2019 is a decision date']),
 ('nghean-donghieu-2023-thien-tai','https://donghieu.thaihoa.nghean.gov.vn/index.php/tag/thong-tin','UBND xã Đông Hiếu','commune','news','2023-05-15',A1,[],['15/05-22/05'],[]),
]
manifest = []
for (i,url,issuer,level,kind,date,lic,obl,camp,neg) in docs:
    half = 'test' if int(hashlib.sha256(i.encode()).hexdigest()[0],16) >= 8 else 'dev'
    assert os.path.exists(os.path.join(ROOT,'texts',i+'.txt')), i
    manifest.append({'id':i,'source':url,'issuer':issuer,'level':level,'kind':kind,'date':date,'licence':lic,'half':half,
                     'text':f'texts/{i}.txt','key':f'keys/{i}.json'})
    with open(os.path.join(ROOT,'keys',i+'.json'),'w') as f:
        json.dump({'id':i,'obligations':obl,'campaigns':camp,'negatives':neg},f,ensure_ascii=False,indent=1); f.write('\n')
with open(os.path.join(ROOT,'manifest.json'),'w') as f:
    json.dump({'about':'Excerpts of public Vietnamese documents as the stored web pages hold them (the beginning of each page, site chrome removed), with hand-written answer keys. half is fixed by the first hex digit of sha256(id): 0-7 dev, 8-f test. Never tune on test.',
               'documents':manifest},f,ensure_ascii=False,indent=1); f.write('\n')
print(len(manifest), sum(m['half']=='test' for m in manifest))
